"""Every reason code a decision can carry, with its meaning. Codes are stable: a client may act
on them. docs/decisions.md documents each (a test checks), and `decide` refuses an unknown one."""

from __future__ import annotations

REASON_CODES: dict[str, str] = {
    # items
    "ITEM_CONTROLLED": "The item contains an element whose control is in force, in a controlled "
    "form (or a known code classifies it so).",
    "ITEM_NOT_CONTROLLED": "The item is not controlled on the date.",
    "ITEM_ELEMENT_NOT_IN_FORCE": "An element the item contains is listed in an announcement "
    "whose control is not in force on the date (not yet effective, or suspended).",
    "ITEM_FORM_NOT_CONTROLLED": "The item's form is one the MOFCOM FAQ leaves uncontrolled "
    "(motor assemblies, sensors, catalysts, phosphors, consumer goods).",
    "ITEM_CODE_CLASSIFIED": "A control code or HS code in the pack classifies the item, in "
    "agreement with its declared elements and form.",
    "ITEM_CODE_DISAGREES": "A code and the declared elements and form disagree: the stricter "
    "reading (controlled) applies.",
    "ITEM_CODE_UNKNOWN": "The control code is not in the pack; the item is classified by its "
    "elements and form.",
    "ITEM_FOREIGN_RULE_NOT_IN_FORCE": "The item is made outside China and the rule for such items "
    "(Announcement 2025 No. 61) is not in force on the date.",
    "ITEM_FOREIGN_CONTENT_AT_LEAST_DE_MINIMIS": "Made outside China, with China-origin controlled "
    "content at or above the de minimis share of its value: controlled.",
    "ITEM_FOREIGN_CONTENT_BELOW_DE_MINIMIS": "Made outside China, with China-origin controlled "
    "content below the de minimis share: not controlled.",
    "ITEM_FOREIGN_CONTENT_UNKNOWN": "Made outside China without a China-origin content value: "
    "treated as at or above the de minimis share (stricter reading).",
    "NOT_CONTROLLED": "No item is controlled on the date (outcome not_controlled unless another "
    "rule applies).",
    # parties and lists
    "LISTED_EXPORT_CONTROL_LIST": "A party is on the MOFCOM Export Control List, in force: "
    "controlled items are denied.",
    "LISTED_UNRELIABLE_ENTITY_LIST": "A party is on the Unreliable Entity List, in force: any "
    "item is denied.",
    "LISTED_COUNTERMEASURE_LIST": "A party is on the anti-foreign-sanctions countermeasure list, "
    "in force: any item is denied.",
    "LISTED_WATCH_LIST": "A party is on the MOFCOM Watch List, in force: controlled items need a "
    "licence (never a general licence).",
    "LISTED_MILITARY_END_USER": "A party is on the authority's military end-user red list: "
    "controlled items are denied.",
    "LISTED_FOREIGN": "A party is on a foreign list (OFAC, BIS, UN): reported as a warning, no "
    "effect on the outcome.",
    "LISTING_NOT_IN_FORCE": "A party is a listing that is not in force on the date (suspended, "
    "stopped, expired or not yet made): no effect.",
    "SCREENING_REVIEW": "A party resembles a listing whose effect would apply (score between the "
    "review and match thresholds): hold for a person to decide.",
    "SCREENING_LINK_REJECTED": "An officer recorded that the party is not that listing: the hit "
    "is set aside.",
    "COUNTS_AS_LISTED": "Listed parties (or parties counting as listed) hold, in aggregate, at "
    "least the threshold share of the party: it takes the list's effect.",
    "END_USE_MILITARY": "The declared end use is military: denied.",
    "END_USER_DEFENSE_LINKED": "The end user is defense-linked (no effect when no item is "
    "controlled).",
    # VEU
    "VEU_GENERAL_LICENCE": "The end user's VEU authorization covers the shipment: general licence.",
    "VEU_NO_AUTHORIZATION": "The end user holds no VEU authorization: licence required.",
    "VEU_AUTHORIZATION_NOT_ACTIVE": "The authorization is suspended, revoked, expired or not yet "
    "valid on the date: licence required.",
    "VEU_EXPORTER_NOT_NAMED": "The authorization names its exporters and this exporter is not "
    "one: licence required.",
    "VEU_FACILITY_NOT_NAMED": "The authorization names its facilities and the destination is not "
    "one: licence required.",
    "VEU_ITEM_NOT_COVERED": "A controlled item is outside the authorization's items: licence "
    "required.",
    "VEU_ANNUAL_CAP_EXCEEDED": "The shipment would exceed the authorized annual quantity: licence "
    "required.",
    "VEU_END_USE_NOT_CIVIL": "A general licence needs a civil end use: licence required.",
    "VEU_END_USER_DEFENSE_LINKED": "The end user is defense-linked (flagged, declared defense "
    "revenue, or in a corporate group with a red-listed or defense member): no general licence.",
}
