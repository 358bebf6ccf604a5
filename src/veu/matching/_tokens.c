/* Words compared one by one, in C: `token_similarity`, `align` and `shapes` of
 * `veu.matching.tokens`.
 *
 * `veu.matching.tokens` defines them in Python (`token_similarity_python`, `align_python`,
 * `shapes_python`) and calls these when the extension is built. They give the same values, bit
 * for bit (tests compare them on the names of the bundled lists and on misspelt ones), for
 * ASCII tokens, which are all normalising makes; given anything else they return None and the
 * Python runs. The word lists and the weights are not repeated here: `configure` receives them
 * from `veu.matching.tokens` when it is imported. Only the edits allowed by length
 * (`max_edits`) and the rule that makes the phonetic key are written out again, and the tests
 * would see them differ. In Python, token alignment was about a fifth of a screening query's
 * time, and the shortlist's reading of each candidate as much.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdlib.h>
#include <string.h>

/* What `configure` receives: the word sets, the sound rewrites, the weights. */
static PyObject *generic_words, *titles, *joining, *son_of, *articles, *nasab, *round_fn;
static char **sounds_from, **sounds_to;
static Py_ssize_t *sounds_from_len, *sounds_to_len, sounds_count, sounds_to_count;
static char **endings;
static Py_ssize_t *endings_len, endings_count;
static double generic_weight, left_out_weight, unmatched_min_width, phonetic_similarity;
static Py_ssize_t phonetic_min_length, patronymic_min_stem;
static Py_ssize_t key_growth = 1; /* how many times longer than its token a phonetic key can be */
static int configured;
/* Sounds close enough that two long keys differing by one of them alone sound alike
   (CLOSE_SOUNDS in tokens.py): close[x][y] for ASCII sounds x, y. */
static unsigned char close_sounds[128][128];

typedef struct {
    const char *s;
    Py_ssize_t n;
    PyObject *obj;
    char *key; /* its phonetic key, made when first needed: room for key_growth * n + 1 */
    Py_ssize_t key_n; /* -1 until made */
} Tok;

/* A token as C sees it: its ASCII bytes. 0 when it is not a non-empty ASCII string (the caller
 * then lets Python decide). */
static int as_tok(PyObject *obj, Tok *tok) {
    if (!PyUnicode_Check(obj) || !PyUnicode_IS_ASCII(obj)) return 0;
    tok->n = PyUnicode_GET_LENGTH(obj);
    if (tok->n == 0) return 0;
    tok->s = (const char *)PyUnicode_1BYTE_DATA(obj);
    tok->obj = obj;
    tok->key = NULL;
    tok->key_n = -1;
    return 1;
}

/* Set membership; -1 on error. */
static int in(PyObject *set, PyObject *key) { return PySet_Contains(set, key); }

static int all_digits(const Tok *t) {
    for (Py_ssize_t i = 0; i < t->n; i++)
        if (t->s[i] < '0' || t->s[i] > '9') return 0;
    return 1;
}

/* `_max_edits` of veu.matching.tokens. */
static Py_ssize_t max_edits(Py_ssize_t length) {
    if (length <= 3) return 0;
    if (length <= 6) return 1;
    if (length <= 10) return 2;
    return 3;
}

/* Optimal string alignment distance (a swap of two neighbours is one edit), as rapidfuzz's
 * OSA. `rows` holds 3 * (m + 1) entries. */
static Py_ssize_t osa(const char *a, Py_ssize_t n, const char *b, Py_ssize_t m, Py_ssize_t *rows) {
    Py_ssize_t *two = rows, *one = rows + (m + 1), *cur = rows + 2 * (m + 1);
    for (Py_ssize_t j = 0; j <= m; j++) one[j] = j;
    for (Py_ssize_t i = 1; i <= n; i++) {
        cur[0] = i;
        for (Py_ssize_t j = 1; j <= m; j++) {
            Py_ssize_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            Py_ssize_t best = one[j] + 1;
            if (cur[j - 1] + 1 < best) best = cur[j - 1] + 1;
            if (one[j - 1] + cost < best) best = one[j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                two[j - 2] + 1 < best)
                best = two[j - 2] + 1;
            cur[j] = best;
        }
        Py_ssize_t *t = two;
        two = one;
        one = cur;
        cur = t;
    }
    return one[m];
}

static Py_ssize_t levenshtein(const char *a, Py_ssize_t n, const char *b, Py_ssize_t m,
                              Py_ssize_t *rows) {
    Py_ssize_t *one = rows, *cur = rows + (m + 1);
    for (Py_ssize_t j = 0; j <= m; j++) one[j] = j;
    for (Py_ssize_t i = 1; i <= n; i++) {
        cur[0] = i;
        for (Py_ssize_t j = 1; j <= m; j++) {
            Py_ssize_t best = one[j] + 1;
            if (cur[j - 1] + 1 < best) best = cur[j - 1] + 1;
            Py_ssize_t change = one[j - 1] + (a[i - 1] != b[j - 1]);
            if (change < best) best = change;
            cur[j] = best;
        }
        Py_ssize_t *t = one;
        one = cur;
        cur = t;
    }
    return one[m];
}

/* Whether a token has a vowel (a, e, i, o, u, y): letters without one are read as letters. */
static int has_vowel(const char *s, Py_ssize_t n) {
    for (Py_ssize_t k = 0; k < n; k++)
        if (strchr("aeiouy", s[k]) && s[k]) return 1;
    return 0;
}

/* Whether two keys differ by one sound added or left out, or by one sound for a close one. */
static int one_sound_apart(const char *a, Py_ssize_t n, const char *b, Py_ssize_t m,
                           Py_ssize_t *rows) {
    if (n != m) return levenshtein(a, n, b, m, rows) <= 1;
    Py_ssize_t apart = 0;
    unsigned char x = 0, y = 0;
    for (Py_ssize_t k = 0; k < n; k++) {
        if (a[k] != b[k]) {
            if (++apart > 1) return 0;
            x = (unsigned char)a[k];
            y = (unsigned char)b[k];
        }
    }
    return apart == 1 && x < 128 && y < 128 && close_sounds[x][y];
}

static int vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

/* `phonetic_key` into `out` (room for key_growth * n + 1 bytes; `spare` the same): each rewrite of
 * every occurrence in turn, left to right as str.replace, a final h after a vowel left out, then
 * e i o u made a, repeats made single. Returns the key's length. */
static Py_ssize_t phonetic(const char *s, Py_ssize_t n, char *out, char *spare) {
    char *src = out, *dst = spare;
    memcpy(src, s, (size_t)n);
    Py_ssize_t len = n;
    for (Py_ssize_t r = 0; r < sounds_count; r++) {
        const char *from = sounds_from[r], *to = sounds_to[r];
        Py_ssize_t fl = sounds_from_len[r], tl = sounds_to_len[r], k = 0, i = 0;
        if (!memchr(src, from[0], (size_t)len)) continue; /* most rewrites find nothing */
        int changed = 0;
        while (i < len) {
            if (src[i] == from[0] && i + fl <= len && memcmp(src + i, from, (size_t)fl) == 0) {
                memcpy(dst + k, to, (size_t)tl);
                k += tl;
                i += fl;
                changed = 1;
            } else {
                dst[k++] = src[i++];
            }
        }
        if (changed) {
            char *t = src;
            src = dst;
            dst = t;
            len = k;
        }
    }
    if (len > 3 && src[len - 1] == 'h' && vowel(src[len - 2])) len--; /* usamah: usama */
    Py_ssize_t k = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        char c = src[i];
        if (vowel(c)) c = 'a';
        if (k == 0 || dst[k - 1] != c) dst[k++] = c;
    }
    if (dst != out) memcpy(out, dst, (size_t)k);
    return k;
}

/* A scratch area for one comparison of tokens of lengths up to `longest`. */
typedef struct {
    Py_ssize_t *rows;
    char *keys;
    Py_ssize_t longest;
} Scratch;

static int scratch_fit(Scratch *w, Py_ssize_t longest) {
    if (longest <= w->longest) return 1;
    PyMem_Free(w->rows);
    PyMem_Free(w->keys);
    /* phonetic keys may be longer than their tokens (x → ks): rows for comparing keys, and a
     * spare buffer for making one */
    w->rows = PyMem_Malloc(sizeof(Py_ssize_t) * 3 * (size_t)(key_growth * longest + 2));
    w->keys = PyMem_Malloc((size_t)(key_growth * longest + 1));
    w->longest = (w->rows && w->keys) ? longest : 0;
    if (!w->longest) {
        PyErr_NoMemory();
        return 0;
    }
    return 1;
}

/* 1 when both tokens are in `words` (one word however spelt), 0 when not, -1 on error. */
static int both_in(PyObject *words, Tok *a, Tok *b) {
    int x = in(words, a->obj);
    if (x <= 0) return x;
    return in(words, b->obj);
}

/* `token_similarity` of two tokens; -1 with an exception set on error. */
static double similarity(Tok *a, Tok *b, Scratch *w) {
    if (a->n == b->n && memcmp(a->s, b->s, (size_t)a->n) == 0) return 1.0;
    int x = both_in(son_of, a, b);
    if (x == 0) x = both_in(articles, a, b);
    if (x < 0) return -1;
    if (x) return 1.0;
    if (all_digits(a) || all_digits(b)) return 0.0;
    if ((a->n == 1 || b->n == 1) && a->s[0] == b->s[0]) return 0.9;
    Py_ssize_t shorter = a->n < b->n ? a->n : b->n, longer = a->n < b->n ? b->n : a->n;
    if (!scratch_fit(w, longer)) return -1;
    Py_ssize_t distance = osa(a->s, a->n, b->s, b->n, w->rows);
    double similar = distance <= max_edits(shorter) ? 1.0 - (double)distance / (double)longer : 0.0;
    /* may they sound alike: long enough, and one letter longer when both have that length */
    Py_ssize_t needed = phonetic_min_length + (a->n == b->n && b->n == shorter ? 1 : 0);
    if (similar < phonetic_similarity && shorter >= needed && has_vowel(a->s, a->n) &&
        has_vowel(b->s, b->n)) {
        if (a->key_n < 0) a->key_n = phonetic(a->s, a->n, a->key, w->keys);
        if (b->key_n < 0) b->key_n = phonetic(b->s, b->n, b->key, w->keys);
        const char *ka = a->key, *kb = b->key;
        Py_ssize_t la = a->key_n, lb = b->key_n;
        if (la >= 3 && la == lb && memcmp(ka, kb, (size_t)la) == 0) return phonetic_similarity;
        if ((la < lb ? la : lb) >= 7 && one_sound_apart(ka, la, kb, lb, w->rows))
            return phonetic_similarity - 0.05;
    }
    return similar;
}

static double width(const Tok *t, int *error) {
    int generic = in(generic_words, t->obj);
    if (generic < 0) *error = 1;
    return (double)t->n * (generic > 0 ? generic_weight : 1.0);
}

static int distinctive(const Tok *t) {
    if (t->n < 2 || all_digits(t)) return 0;
    int x;
    if ((x = in(generic_words, t->obj)) != 0) return x < 0 ? -1 : 0;
    if ((x = in(titles, t->obj)) != 0) return x < 0 ? -1 : 0;
    if ((x = in(joining, t->obj)) != 0) return x < 0 ? -1 : 0;
    if ((x = in(nasab, t->obj)) != 0) return x < 0 ? -1 : 0;
    return 1;
}

static int patronymic(const Tok *t) {
    for (Py_ssize_t i = 0; i < t->n; i++)
        if (t->s[i] < 'a' || t->s[i] > 'z') return 0;
    for (Py_ssize_t e = 0; e < endings_count; e++) {
        Py_ssize_t len = endings_len[e];
        if (t->n - len >= patronymic_min_stem &&
            memcmp(t->s + t->n - len, endings[e], (size_t)len) == 0)
            return 1;
    }
    return 0;
}

/* `after`: the token is not the first of its name (a joining word that begins a name joins
   nothing: counted in full) */
static double unpaired_width(const Tok *t, int with_titles, int initials, int after, int *error) {
    if (initials && t->n == 1 && t->s[0] >= 'a' && t->s[0] <= 'z') return width(t, error);
    int title = after ? in(joining, t->obj) : 0;
    if (title < 0) *error = 1;
    if (title == 0 && with_titles) {
        title = in(titles, t->obj);
        if (title < 0) *error = 1;
    }
    double wide = width(t, error);
    if (title > 0 || patronymic(t)) return wide * left_out_weight;
    return wide >= unmatched_min_width ? wide : unmatched_min_width;
}

/* Room for the phonetic keys of `n` tokens, in one block (`*arena`, freed by the caller). */
static int key_room(Tok *toks, Py_ssize_t n, char **arena) {
    size_t size = 1;
    for (Py_ssize_t i = 0; i < n; i++) size += (size_t)(key_growth * toks[i].n + 1);
    *arena = PyMem_Malloc(size);
    if (!*arena) {
        PyErr_NoMemory();
        return 0;
    }
    char *next = *arena;
    for (Py_ssize_t i = 0; i < n; i++) {
        toks[i].key = next;
        next += key_growth * toks[i].n + 1;
    }
    return 1;
}

/* Reads a tuple of tokens; 0 (no exception) when one is not ASCII, -1 on error. */
static int read_tokens(PyObject *tuple, Tok **toks, Py_ssize_t *n) {
    if (!PyTuple_Check(tuple)) {
        PyErr_SetString(PyExc_TypeError, "tokens must be a tuple of str");
        return -1;
    }
    *n = PyTuple_GET_SIZE(tuple);
    *toks = PyMem_Malloc(sizeof(Tok) * (size_t)(*n ? *n : 1));
    if (!*toks) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < *n; i++)
        if (!as_tok(PyTuple_GET_ITEM(tuple, i), &(*toks)[i])) return 0;
    return 1;
}

static void release_scratch(Scratch *w) {
    PyMem_Free(w->rows);
    PyMem_Free(w->keys);
}

/* Two names' tokens as C reads them, with room for their phonetic keys and a scratch area for
 * comparing them. */
typedef struct {
    Tok *a, *b;
    Py_ssize_t n, m;
    char *keys_a, *keys_b;
    Scratch w;
} Names;

/* Reads two tuples of tokens (`read_tokens`, `key_room`) into `p`, zeroed first: 1 when read, 0
 * (no exception) when a token is not ASCII, -1 on error; `release_names` frees `p` whatever the
 * outcome. */
static int read_names(PyObject *ta, PyObject *tb, Names *p) {
    *p = (Names){NULL, NULL, 0, 0, NULL, NULL, {NULL, NULL, 0}};
    int ok = read_tokens(ta, &p->a, &p->n);
    if (ok == 1) ok = read_tokens(tb, &p->b, &p->m);
    if (ok <= 0) return ok;
    return key_room(p->a, p->n, &p->keys_a) && key_room(p->b, p->m, &p->keys_b) ? 1 : -1;
}

static void release_names(Names *p) {
    PyMem_Free(p->a);
    PyMem_Free(p->b);
    PyMem_Free(p->keys_a);
    PyMem_Free(p->keys_b);
    release_scratch(&p->w);
}

static int require_configured(void) {
    if (!configured) PyErr_SetString(PyExc_RuntimeError, "veu.matching._tokens: configure first");
    return configured;
}

PyDoc_STRVAR(similarity_doc,
             "similarity(a, b): `token_similarity` of two tokens, or None when either is not\n"
             "ASCII (the Python then decides).");

static PyObject *py_similarity(PyObject *self, PyObject *args) {
    PyObject *x, *y;
    if (!PyArg_ParseTuple(args, "UU", &x, &y) || !require_configured()) return NULL;
    Tok both[2];
    if (!as_tok(x, &both[0]) || !as_tok(y, &both[1])) Py_RETURN_NONE;
    Scratch w = {NULL, NULL, 0};
    char *arena = NULL;
    double value = key_room(both, 2, &arena) ? similarity(&both[0], &both[1], &w) : -1;
    PyMem_Free(arena);
    release_scratch(&w);
    if (value < 0) return NULL;
    return PyFloat_FromDouble(value);
}

typedef struct {
    double sim;
    Py_ssize_t i, j;
} Pair;

static int by_similarity(const void *p, const void *q) {
    const Pair *a = p, *b = q;
    if (a->sim != b->sim) return a->sim > b->sim ? -1 : 1;
    if (a->i != b->i) return a->i < b->i ? -1 : 1;
    return (a->j > b->j) - (a->j < b->j);
}

static PyObject *unpaired(PyObject *tuple, const char *used, Py_ssize_t n, Py_ssize_t count) {
    PyObject *out = PyTuple_New(count);
    if (!out) return NULL;
    for (Py_ssize_t i = 0, k = 0; i < n; i++) {
        if (used[i]) continue;
        PyObject *t = PyTuple_GET_ITEM(tuple, i);
        Py_INCREF(t);
        PyTuple_SET_ITEM(out, k++, t);
    }
    return out;
}

PyDoc_STRVAR(align_doc,
             "align(a, b): `align` of two tuples of tokens (score, aligned pairs, unpaired tokens\n"
             "of each), or None when a token is not ASCII (the Python then decides).");

static PyObject *py_align(PyObject *self, PyObject *args) {
    PyObject *ta, *tb;
    if (!PyArg_ParseTuple(args, "OO", &ta, &tb) || !require_configured()) return NULL;
    Pair *pairs = NULL;
    char *used_a = NULL, *used_b = NULL;
    PyObject *result = NULL, *aligned = NULL, *left = NULL, *right = NULL;
    Names p;
    int ok = read_names(ta, tb, &p);
    Tok *a = p.a, *b = p.b;
    Py_ssize_t n = p.n, m = p.m;
    if (ok <= 0) {
        if (ok == 0) result = Py_NewRef(Py_None);
        goto done;
    }
    pairs = PyMem_Malloc(sizeof(Pair) * (size_t)(n > 0 && m > 0 ? n * m : 1));
    used_a = PyMem_Calloc((size_t)(n ? n : 1), 1);
    used_b = PyMem_Calloc((size_t)(m ? m : 1), 1);
    if (!pairs || !used_a || !used_b) {
        PyErr_NoMemory();
        goto done;
    }
    Py_ssize_t count = 0;
    for (Py_ssize_t i = 0; i < n; i++)
        for (Py_ssize_t j = 0; j < m; j++) {
            double sim = similarity(&a[i], &b[j], &p.w);
            if (sim < 0) goto done;
            if (sim > 0) pairs[count++] = (Pair){sim, i, j};
        }
    qsort(pairs, (size_t)count, sizeof(Pair), by_similarity);
    double paired = 0.0, total = 0.0;
    int error = 0, titled = 0;
    Py_ssize_t matched = 0, full = 0; /* pairs taken; those of two words in full */
    Pair *kept = pairs; /* the pairs taken, in place at the front */
    for (Py_ssize_t k = 0; k < count; k++) {
        Pair p = pairs[k];
        if (used_a[p.i] || used_b[p.j]) continue;
        used_a[p.i] = used_b[p.j] = 1;
        const Tok *x = &a[p.i], *y = &b[p.j];
        double wide = (x->n < y->n ? x->n : y->n) == 1
                          ? (double)(2 * (x->n > y->n ? x->n : y->n))
                          : width(x, &error) + width(y, &error);
        paired += p.sim * wide;
        total += wide;
        if (x->n > 1 && y->n > 1) full++;
        if (!titled) {
            int d = distinctive(x);
            if (d < 0) error = 1;
            titled = d > 0;
        }
        kept[matched++] = p;
    }
    double rest = 0.0;
    /* an initial costs only its letter when it is the one word left over and two words in
       full are paired */
    int initials = (n - matched) + (m - matched) == 1 && full >= 2;
    for (Py_ssize_t i = 0; i < n; i++)
        if (!used_a[i]) rest += unpaired_width(&a[i], titled, initials, i > 0, &error);
    for (Py_ssize_t j = 0; j < m; j++)
        if (!used_b[j]) rest += unpaired_width(&b[j], titled, initials, j > 0, &error);
    if (error) goto done;
    total += rest;
    if (total == 0.0) { /* Python raises ZeroDivisionError: let it */
        result = Py_NewRef(Py_None);
        goto done;
    }
    double score = paired / total;
    if (!(score < 1.0)) score = 1.0;
    aligned = PyTuple_New(matched);
    if (!aligned) goto done;
    for (Py_ssize_t k = 0; k < matched; k++) {
        PyObject *sim = PyFloat_FromDouble(kept[k].sim);
        PyObject *rounded = sim ? PyObject_CallFunction(round_fn, "Oi", sim, 3) : NULL;
        Py_XDECREF(sim);
        if (!rounded) goto done;
        PyObject *item = PyTuple_Pack(3, a[kept[k].i].obj, b[kept[k].j].obj, rounded);
        Py_DECREF(rounded);
        if (!item) goto done;
        PyTuple_SET_ITEM(aligned, k, item);
    }
    left = unpaired(ta, used_a, n, n - matched);
    right = left ? unpaired(tb, used_b, m, m - matched) : NULL;
    if (!right) goto done;
    result = Py_BuildValue("(dOOO)", score, aligned, left, right);
done:
    Py_XDECREF(aligned);
    Py_XDECREF(left);
    Py_XDECREF(right);
    PyMem_Free(pairs);
    PyMem_Free(used_a);
    PyMem_Free(used_b);
    release_names(&p);
    return result;
}

PyDoc_STRVAR(covered_doc,
             "covered(short, long, threshold): `covered` of two tuples of tokens (whether each\n"
             "token of short has one of long at least threshold alike, never a word in an\n"
             "initial), or None when a token is not ASCII (the Python then decides).");

static PyObject *py_covered(PyObject *self, PyObject *args) {
    PyObject *ta, *tb;
    double threshold;
    if (!PyArg_ParseTuple(args, "OOd", &ta, &tb, &threshold) || !require_configured()) return NULL;
    PyObject *result = NULL;
    Names p;
    int ok = read_names(ta, tb, &p);
    if (ok <= 0) {
        if (ok == 0) result = Py_NewRef(Py_None);
        goto done;
    }
    int all = 1;
    for (Py_ssize_t i = 0; i < p.n && all; i++) {
        int any = 0;
        for (Py_ssize_t j = 0; j < p.m && !any; j++) {
            if (p.b[j].n == 1 && p.a[i].n != 1) continue; /* a word is not in an initial */
            double sim = similarity(&p.a[i], &p.b[j], &p.w);
            if (sim < 0) goto done;
            any = sim >= threshold;
        }
        all = any;
    }
    result = PyBool_FromLong(all);
done:
    release_names(&p);
    return result;
}

/* A token of a name held as its tokens joined by spaces: where it starts, how long it is. */
typedef struct {
    const char *s;
    Py_ssize_t n;
} Word;

static int word_order(const void *p, const void *q) {
    const Word *a = p, *b = q;
    int c = memcmp(a->s, b->s, (size_t)(a->n < b->n ? a->n : b->n));
    if (c) return c;
    return (a->n > b->n) - (a->n < b->n);
}

static int same_word(const Word *a, const Word *b) { return word_order(a, b) == 0; }

/* Whether every distinct word of `x` (sorted) is among `y` (sorted). */
static int all_among(const Word *x, Py_ssize_t nx, const Word *y, Py_ssize_t ny) {
    Py_ssize_t j = 0;
    for (Py_ssize_t i = 0; i < nx; i++) {
        while (j < ny && word_order(&y[j], &x[i]) < 0) j++;
        if (j == ny || !same_word(&y[j], &x[i])) return 0;
    }
    return 1;
}

/* Only lowercase ASCII letters, digits and single spaces between them: what a name's joined
 * tokens are. Anything else is left to Python. */
static int plain_tokens(const char *s, Py_ssize_t n) {
    for (Py_ssize_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == ' ') {
            if (i == 0 || i == n - 1 || s[i - 1] == ' ') return 0;
        } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
            return 0;
        }
    }
    return 1;
}

PyDoc_STRVAR(shapes_doc,
             "shapes(joined, words): `shapes_python` of veu.matching.tokens, or None when a name\n"
             "or a word is not made of lowercase ASCII letters and digits.");

static PyObject *py_shapes(PyObject *self, PyObject *args) {
    PyObject *joined, *given;
    if (!PyArg_ParseTuple(args, "O!O!", &PyList_Type, &joined, &PyTuple_Type, &given)) return NULL;
    Py_ssize_t count = PyList_GET_SIZE(joined), nwords = PyTuple_GET_SIZE(given), longest = 0;
    for (Py_ssize_t k = 0; k < nwords; k++) {
        PyObject *w = PyTuple_GET_ITEM(given, k);
        if (!PyUnicode_Check(w) || !PyUnicode_IS_ASCII(w) || PyUnicode_GET_LENGTH(w) == 0 ||
            memchr(PyUnicode_1BYTE_DATA(w), ' ', (size_t)PyUnicode_GET_LENGTH(w)) ||
            !plain_tokens((const char *)PyUnicode_1BYTE_DATA(w), PyUnicode_GET_LENGTH(w)))
            Py_RETURN_NONE; /* a word is one token */
    }
    for (Py_ssize_t k = 0; k < count; k++) {
        PyObject *t = PyList_GET_ITEM(joined, k);
        if (!PyUnicode_Check(t) || !PyUnicode_IS_ASCII(t) ||
            !plain_tokens((const char *)PyUnicode_1BYTE_DATA(t), PyUnicode_GET_LENGTH(t)))
            Py_RETURN_NONE;
        if (PyUnicode_GET_LENGTH(t) > longest) longest = PyUnicode_GET_LENGTH(t);
    }
    Word *words = PyMem_Malloc(sizeof(Word) * (size_t)(nwords + 1));
    Word *tokens = PyMem_Malloc(sizeof(Word) * (size_t)(longest / 2 + 2));
    char *buffer = PyMem_Malloc((size_t)longest + 1);
    PyObject *skeletons = PyList_New(count), *orderless = PyList_New(count);
    PyObject *flags = PyBytes_FromStringAndSize(NULL, count), *result = NULL;
    if (!words || !tokens || !buffer || !skeletons || !orderless || !flags) {
        if (!PyErr_Occurred()) PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t k = 0; k < nwords; k++) {
        PyObject *w = PyTuple_GET_ITEM(given, k);
        words[k] = (Word){(const char *)PyUnicode_1BYTE_DATA(w), PyUnicode_GET_LENGTH(w)};
    }
    qsort(words, (size_t)nwords, sizeof(Word), word_order);
    char *flag = PyBytes_AS_STRING(flags);
    for (Py_ssize_t k = 0; k < count; k++) {
        PyObject *t = PyList_GET_ITEM(joined, k);
        const char *s = (const char *)PyUnicode_1BYTE_DATA(t);
        Py_ssize_t n = PyUnicode_GET_LENGTH(t), ntok = 0, len = 0;
        for (Py_ssize_t i = 0; i < n;) {
            Py_ssize_t start = i;
            while (i < n && s[i] != ' ') buffer[len++] = s[i++];
            tokens[ntok++] = (Word){s + start, i - start};
            i++; /* the space */
        }
        PyObject *skeleton = PyUnicode_FromStringAndSize(buffer, len);
        if (!skeleton) goto done;
        PyList_SET_ITEM(skeletons, k, skeleton);
        qsort(tokens, (size_t)ntok, sizeof(Word), word_order);
        len = 0;
        for (Py_ssize_t i = 0; i < ntok; i++) {
            memcpy(buffer + len, tokens[i].s, (size_t)tokens[i].n);
            len += tokens[i].n;
        }
        PyObject *sorted = PyUnicode_FromStringAndSize(buffer, len);
        if (!sorted) goto done;
        PyList_SET_ITEM(orderless, k, sorted);
        flag[k] = nwords > 0 && (all_among(tokens, ntok, words, nwords) ||
                                 all_among(words, nwords, tokens, ntok));
    }
    result = PyTuple_Pack(3, skeletons, orderless, flags);
done:
    Py_XDECREF(skeletons);
    Py_XDECREF(orderless);
    Py_XDECREF(flags);
    PyMem_Free(words);
    PyMem_Free(tokens);
    PyMem_Free(buffer);
    return result;
}

/* Copies a sequence of str into C strings. */
static int c_strings(PyObject *seq, char ***out, Py_ssize_t **lens, Py_ssize_t *count) {
    *count = PySequence_Size(seq);
    if (*count < 0) {
        *count = 0;
        return 0;
    }
    *out = PyMem_Calloc((size_t)(*count ? *count : 1), sizeof(char *));
    *lens = PyMem_Calloc((size_t)(*count ? *count : 1), sizeof(Py_ssize_t));
    if (!*out || !*lens) {
        PyErr_NoMemory();
        return 0;
    }
    for (Py_ssize_t k = 0; k < *count; k++) {
        PyObject *item = PySequence_GetItem(seq, k);
        if (!item) return 0;
        Py_ssize_t len;
        const char *text = PyUnicode_Check(item) ? PyUnicode_AsUTF8AndSize(item, &len) : NULL;
        if (!text || !PyUnicode_IS_ASCII(item)) {
            Py_DECREF(item);
            if (!PyErr_Occurred()) PyErr_SetString(PyExc_ValueError, "expected ASCII strings");
            return 0;
        }
        (*out)[k] = PyMem_Malloc((size_t)len + 1);
        if (!(*out)[k]) {
            Py_DECREF(item);
            PyErr_NoMemory();
            return 0;
        }
        memcpy((*out)[k], text, (size_t)len + 1);
        (*lens)[k] = len;
        Py_DECREF(item);
    }
    return 1;
}

PyDoc_STRVAR(configure_doc,
             "configure(generic, titles, joining, son_of, articles, nasab, sounds_from, sounds_to, "
             "endings, "
             "min_stem, generic_weight, left_out_weight, unmatched_min_width, "
             "phonetic_similarity, phonetic_min_length, close_sounds): the word lists and "
             "weights of "
             "veu.matching.tokens (called once, when it is imported).");

static void free_strings(char **strings, Py_ssize_t *lens, Py_ssize_t count) {
    for (Py_ssize_t k = 0; strings && k < count; k++) PyMem_Free(strings[k]);
    PyMem_Free(strings);
    PyMem_Free(lens);
}

/* What an earlier `configure` gave (the module is configured again when reloaded). */
static void release(void) {
    configured = 0;
    Py_CLEAR(generic_words);
    Py_CLEAR(titles);
    Py_CLEAR(joining);
    Py_CLEAR(son_of);
    Py_CLEAR(articles);
    Py_CLEAR(nasab);
    Py_CLEAR(round_fn);
    free_strings(sounds_from, sounds_from_len, sounds_count);
    free_strings(sounds_to, sounds_to_len, sounds_to_count);
    free_strings(endings, endings_len, endings_count);
    sounds_from = sounds_to = endings = NULL;
    sounds_from_len = sounds_to_len = endings_len = NULL;
    sounds_count = sounds_to_count = endings_count = 0;
}

static PyObject *py_configure(PyObject *self, PyObject *args) {
    PyObject *g, *t, *j, *s, *ar, *na, *from, *to, *ends;
    const char *close;
    Py_ssize_t close_len;
    release();
    if (!PyArg_ParseTuple(args, "O!O!O!O!O!O!OOOnddddns#", &PyFrozenSet_Type, &g,
                          &PyFrozenSet_Type, &t, &PyFrozenSet_Type, &j, &PyFrozenSet_Type, &s,
                          &PyFrozenSet_Type, &ar, &PyFrozenSet_Type, &na, &from, &to, &ends,
                          &patronymic_min_stem, &generic_weight, &left_out_weight,
                          &unmatched_min_width, &phonetic_similarity, &phonetic_min_length,
                          &close, &close_len))
        return NULL;
    /* close_sounds: pairs of ASCII sounds, two characters each */
    if (close_len % 2) {
        PyErr_SetString(PyExc_ValueError, "close_sounds holds pairs of sounds");
        return NULL;
    }
    memset(close_sounds, 0, sizeof(close_sounds));
    for (Py_ssize_t k = 0; k < close_len; k += 2) {
        unsigned char x = (unsigned char)close[k], y = (unsigned char)close[k + 1];
        if (x >= 128 || y >= 128) {
            PyErr_SetString(PyExc_ValueError, "close_sounds holds ASCII sounds only");
            return NULL;
        }
        close_sounds[x][y] = 1;
    }
    if (!c_strings(from, &sounds_from, &sounds_from_len, &sounds_count) ||
        !c_strings(to, &sounds_to, &sounds_to_len, &sounds_to_count) ||
        !c_strings(ends, &endings, &endings_len, &endings_count) ||
        sounds_to_count != sounds_count) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_ValueError, "sounds_from and sounds_to differ in length");
        release();
        return NULL;
    }
    /* Each rewrite can multiply a key's length by its own ratio, rounded up: room for all. */
    key_growth = 1;
    for (Py_ssize_t r = 0; r < sounds_count; r++) {
        if (sounds_from_len[r] == 0) {
            PyErr_SetString(PyExc_ValueError, "a sound rewritten cannot be empty");
            release();
            return NULL;
        }
        Py_ssize_t ratio = (sounds_to_len[r] + sounds_from_len[r] - 1) / sounds_from_len[r];
        if (ratio > 1) key_growth *= ratio;
    }
    PyObject *builtins = PyEval_GetBuiltins(); /* borrowed */
    round_fn = builtins ? PyDict_GetItemString(builtins, "round") : NULL;
    if (!round_fn) {
        PyErr_SetString(PyExc_RuntimeError, "no builtin round");
        return NULL;
    }
    Py_INCREF(round_fn);
    /* the sets must stay as given: frozensets */
    generic_words = Py_NewRef(g);
    titles = Py_NewRef(t);
    joining = Py_NewRef(j);
    son_of = Py_NewRef(s);
    articles = Py_NewRef(ar);
    nasab = Py_NewRef(na);
    configured = 1;
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"configure", py_configure, METH_VARARGS, configure_doc},
    {"similarity", py_similarity, METH_VARARGS, similarity_doc},
    {"align", py_align, METH_VARARGS, align_doc},
    {"shapes", py_shapes, METH_VARARGS, shapes_doc},
    {"covered", py_covered, METH_VARARGS, covered_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_tokens", "Token similarity and alignment in C.", -1, methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__tokens(void) { return PyModule_Create(&module); }
