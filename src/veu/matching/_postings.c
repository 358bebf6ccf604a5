/* The candidate doors' inner loops in C: the ids with the largest sums of posting weights,
 * and the rows of a query's keys (found by a stable hash in a sorted array).
 *
 * `veu.matching.postings.top_weighted` calls `top_weighted` here when the extension is built,
 * and otherwise runs `top_weighted_python`, which defines the result: the same ids, in the same
 * order (a test compares the two). In Python the loop cost about a millisecond a query at a
 * million names, a quarter of a query's time.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    float value;
    int32_t id;
} Scored;

static int by_id(const void *a, const void *b) {
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return (x > y) - (x < y);
}

/* Larger value first, then smaller id: the order in which ids are chosen. */
static int before(const Scored *a, const Scored *b) {
    return a->value > b->value || (a->value == b->value && a->id < b->id);
}

static void swap(Scored *a, Scored *b) {
    Scored t = *a;
    *a = *b;
    *b = t;
}

/* Rearrange items[0..n-1] so that items[0..k-1] are the k first in the order `before`
 * (quickselect; ties of value are broken by id, so the k are one set whatever the input
 * order). */
static void select_first(Scored *items, Py_ssize_t n, Py_ssize_t k) {
    Py_ssize_t lo = 0, hi = n - 1;
    while (lo < hi) {
        Py_ssize_t mid = lo + (hi - lo) / 2;
        /* median of three as pivot, moved to hi */
        if (before(&items[mid], &items[lo])) swap(&items[mid], &items[lo]);
        if (before(&items[hi], &items[lo])) swap(&items[hi], &items[lo]);
        if (before(&items[mid], &items[hi])) swap(&items[mid], &items[hi]);
        Scored pivot = items[hi];
        Py_ssize_t store = lo;
        for (Py_ssize_t i = lo; i < hi; i++) {
            if (before(&items[i], &pivot)) {
                swap(&items[i], &items[store]);
                store++;
            }
        }
        swap(&items[store], &items[hi]);
        /* items[lo..store-1] come before the pivot, items[store+1..hi] after it */
        if (store == k || store == k - 1) return;
        if (store < k) lo = store + 1;
        else hi = store - 1;
    }
}

static int whole_buffer(Py_buffer *view, Py_ssize_t itemsize, const char *name) {
    if (view->len % itemsize != 0) {
        PyErr_Format(PyExc_ValueError, "%s: %zd bytes is not a whole number of %zd-byte items",
                     name, view->len, itemsize);
        return 0;
    }
    return 1;
}

/* An id's running sum and whether a posting has touched it, side by side: one place in memory
 * to reach for each id of a posting, not two (the ids fall all over an array of a million). */
typedef struct {
    float sum;
    uint32_t touched;
} Slot;

PyDoc_STRVAR(top_weighted_doc,
"top_weighted(ids, bounds, weights, slots, out, limit) -> int\n\n"
"Sum the weight of each posting ids[bounds[2k]:bounds[2k+1]] (int32 ids, int64 bounds,\n"
"float64 weights, summed in float32) into the slots (8 bytes an id: its float32 sum, then a\n"
"uint32 marking it touched); write into the int32 array out the (at most) limit touched ids\n"
"with the largest sums (ties: smaller id first), in ascending order of id; leave the slots\n"
"zero again. Returns how many ids were written.");

/* The core of top_weighted: sum each posting's weight into the slots, write the (at most) limit
 * ids with the largest sums into dest (ascending), leave the slots zero. Returns how many, or
 * -1 with an exception set. */
static Py_ssize_t sum_and_select(const int32_t *id, Py_ssize_t n_ids, const int64_t *bound,
                                 const double *weight, Py_ssize_t postings, Slot *slot,
                                 Py_ssize_t size, int32_t *dest, Py_ssize_t room,
                                 Py_ssize_t limit) {
    Py_ssize_t result = -1;
    int32_t *touched = NULL;
    Scored *scored = NULL;
    Py_ssize_t total = 0;
    for (Py_ssize_t k = 0; k < postings; k++) {
        int64_t start = bound[2 * k], end = bound[2 * k + 1];
        if (start < 0 || end < start || end > n_ids) {
            PyErr_Format(PyExc_ValueError, "posting %zd: bounds %lld..%lld outside the %zd ids",
                         k, (long long)start, (long long)end, n_ids);
            return -1;
        }
        total += (Py_ssize_t)(end - start);
    }
    touched = PyMem_Malloc(sizeof(int32_t) * (size_t)(total > 0 ? total : 1));
    if (touched == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t n = 0;
    for (Py_ssize_t k = 0; k < postings; k++) {
        float w = (float)weight[k];
        for (int64_t i = bound[2 * k]; i < bound[2 * k + 1]; i++) {
            int32_t x = id[i];
            if (x < 0 || x >= size) { /* every id must index the slots */
                PyErr_Format(PyExc_ValueError, "id %d outside the %zd sums", (int)x, size);
                goto reset;
            }
            Slot *at = &slot[x];
            if (!at->touched) {
                at->touched = 1;
                touched[n++] = x;
            }
            at->sum += w;
        }
    }
    Py_ssize_t keep = n < limit ? n : (limit > 0 ? limit : 0);
    if (keep > room) {
        PyErr_SetString(PyExc_ValueError, "out is shorter than limit");
        goto reset;
    }
    if (keep == n) {
        memcpy(dest, touched, sizeof(int32_t) * (size_t)n);
    } else {
        scored = PyMem_Malloc(sizeof(Scored) * (size_t)n);
        if (scored == NULL) {
            PyErr_NoMemory();
            goto reset;
        }
        for (Py_ssize_t i = 0; i < n; i++) {
            scored[i].value = slot[touched[i]].sum;
            scored[i].id = touched[i];
        }
        select_first(scored, n, keep);
        for (Py_ssize_t i = 0; i < keep; i++) dest[i] = scored[i].id;
    }
    qsort(dest, (size_t)keep, sizeof(int32_t), by_id);
    result = keep;
reset:
    for (Py_ssize_t i = 0; i < n; i++) slot[touched[i]] = (Slot){0.0f, 0};
    PyMem_Free(touched);
    PyMem_Free(scored);
    return result;
}

static PyObject *top_weighted(PyObject *self, PyObject *args) {
    Py_buffer ids, bounds, weights, slots, out;
    Py_ssize_t limit;
    (void)self;
    if (!PyArg_ParseTuple(args, "y*y*y*w*w*n", &ids, &bounds, &weights, &slots, &out, &limit))
        return NULL;
    PyObject *result = NULL;
    if (!whole_buffer(&ids, 4, "ids") || !whole_buffer(&bounds, 16, "bounds") ||
        !whole_buffer(&weights, 8, "weights") || !whole_buffer(&slots, 8, "slots") ||
        !whole_buffer(&out, 4, "out"))
        goto done;
    Py_ssize_t postings = bounds.len / 16;
    if (weights.len / 8 != postings) {
        PyErr_SetString(PyExc_ValueError, "one weight is needed for each posting");
        goto done;
    }
    Py_ssize_t count = sum_and_select(ids.buf, ids.len / 4, bounds.buf, weights.buf, postings,
                                      slots.buf, slots.len / 8, out.buf, out.len / 4, limit);
    if (count >= 0) result = PyLong_FromSsize_t(count);
done:
    PyBuffer_Release(&ids);
    PyBuffer_Release(&bounds);
    PyBuffer_Release(&weights);
    PyBuffer_Release(&slots);
    PyBuffer_Release(&out);
    return result;
}

typedef struct {
    int64_t length;
    Py_ssize_t at; /* the posting's place among the rows kept: ties keep their order */
    int64_t start;
} Kept;

static int by_length(const void *a, const void *b) {
    const Kept *x = a, *y = b;
    if (x->length != y->length) return (x->length > y->length) - (x->length < y->length);
    return (x->at > y->at) - (x->at < y->at);
}

PyDoc_STRVAR(top_rows_doc,
"top_rows(ptr, ids, rows, size, limit, max_df, budget, slots, out) -> int\n\n"
"top_weighted over the postings of the given rows (int64) of a Postings (ptr int64, ids\n"
"int32): rows empty or longer than max_df left out (max_df < 0: none), then the shortest\n"
"first, as many as fit in budget ids and at least one, each weighing log(size / its length).\n"
"Returns how many ids were written into out.");

static PyObject *top_rows(PyObject *self, PyObject *args) {
    Py_buffer ptrs, ids, rows, slots, out;
    Py_ssize_t size, limit, max_df, budget;
    (void)self;
    if (!PyArg_ParseTuple(args, "y*y*y*nnnnw*w*", &ptrs, &ids, &rows, &size, &limit, &max_df,
                          &budget, &slots, &out))
        return NULL;
    PyObject *result = NULL;
    Kept *kept = NULL;
    int64_t *bound = NULL;
    double *weight = NULL;
    if (!whole_buffer(&ptrs, 8, "ptr") || !whole_buffer(&ids, 4, "ids") ||
        !whole_buffer(&rows, 8, "rows") || !whole_buffer(&slots, 8, "slots") ||
        !whole_buffer(&out, 4, "out"))
        goto done;
    const int64_t *ptr = ptrs.buf, *row = rows.buf;
    Py_ssize_t n_rows = rows.len / 8, n_ptr = ptrs.len / 8;
    kept = PyMem_Malloc(sizeof(Kept) * (size_t)(n_rows > 0 ? n_rows : 1));
    bound = PyMem_Malloc(sizeof(int64_t) * 2 * (size_t)(n_rows > 0 ? n_rows : 1));
    weight = PyMem_Malloc(sizeof(double) * (size_t)(n_rows > 0 ? n_rows : 1));
    if (kept == NULL || bound == NULL || weight == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    Py_ssize_t n = 0;
    for (Py_ssize_t k = 0; k < n_rows; k++) {
        int64_t r = row[k];
        if (r < 0 || r + 1 >= n_ptr) {
            PyErr_Format(PyExc_IndexError, "row %lld outside the %zd rows", (long long)r,
                         n_ptr - 1);
            goto done;
        }
        int64_t length = ptr[r + 1] - ptr[r];
        if (length == 0 || (max_df >= 0 && length > max_df)) continue; /* adds nothing */
        kept[n] = (Kept){length, n, ptr[r]};
        n++;
    }
    if (n == 0) {
        result = PyLong_FromSsize_t(0);
        goto done;
    }
    qsort(kept, (size_t)n, sizeof(Kept), by_length);
    Py_ssize_t chosen = 0;
    int64_t used = 0;
    while (chosen < n && used + kept[chosen].length <= budget) used += kept[chosen++].length;
    if (chosen == 0) chosen = 1;
    for (Py_ssize_t k = 0; k < chosen; k++) {
        bound[2 * k] = kept[k].start;
        bound[2 * k + 1] = kept[k].start + kept[k].length;
        weight[k] = log((double)size / (double)kept[k].length);
    }
    Py_ssize_t count = sum_and_select(ids.buf, ids.len / 4, bound, weight, chosen, slots.buf,
                                      slots.len / 8, out.buf, out.len / 4, limit);
    if (count >= 0) result = PyLong_FromSsize_t(count);
done:
    PyMem_Free(kept);
    PyMem_Free(bound);
    PyMem_Free(weight);
    PyBuffer_Release(&ptrs);
    PyBuffer_Release(&ids);
    PyBuffer_Release(&rows);
    PyBuffer_Release(&slots);
    PyBuffer_Release(&out);
    return result;
}

/* FNV-1a, 64 bits, over a string's UTF-8 bytes: a stable hash (the same in every process,
 * unlike Python's `hash`), which `veu.matching.postings.fnv1a` computes the same. */
static int fnv1a(PyObject *key, uint64_t *hash) {
    Py_ssize_t size;
    const char *bytes;
    if (!PyUnicode_Check(key)) {
        PyErr_SetString(PyExc_TypeError, "keys must be str");
        return 0;
    }
    bytes = PyUnicode_AsUTF8AndSize(key, &size);
    if (bytes == NULL) return 0;
    uint64_t h = 14695981039346656037ULL;
    for (Py_ssize_t i = 0; i < size; i++) {
        h ^= (uint64_t)(unsigned char)bytes[i];
        h *= 1099511628211ULL;
    }
    *hash = h;
    return 1;
}

PyDoc_STRVAR(hash_keys_doc,
"hash_keys(keys, out) -> None\n\n"
"Write the FNV-1a hash (64 bits, of the UTF-8 bytes) of each str of the list keys into the\n"
"uint64 array out, which has one place for each.");

static PyObject *hash_keys(PyObject *self, PyObject *args) {
    PyObject *keys;
    Py_buffer out;
    (void)self;
    if (!PyArg_ParseTuple(args, "O!w*", &PyList_Type, &keys, &out)) return NULL;
    PyObject *result = NULL;
    Py_ssize_t n = PyList_GET_SIZE(keys);
    if (out.len != n * (Py_ssize_t)sizeof(uint64_t)) {
        PyErr_Format(PyExc_ValueError, "out: %zd bytes for %zd keys", out.len, n);
        goto done;
    }
    uint64_t *dest = out.buf;
    for (Py_ssize_t i = 0; i < n; i++)
        if (!fnv1a(PyList_GET_ITEM(keys, i), &dest[i])) goto done;
    result = Py_NewRef(Py_None);
done:
    PyBuffer_Release(&out);
    return result;
}

PyDoc_STRVAR(find_rows_doc,
"find_rows(keys, hashes, order, wanted) -> list\n\n"
"The row of each str of the list wanted among the list keys, or None where it has none:\n"
"hashes are the keys' hash_keys hashes in ascending order (uint64), order the row of each\n"
"(int32); a key is found by its hash, then compared to rule out a collision.");

static PyObject *find_rows(PyObject *self, PyObject *args) {
    PyObject *keys, *wanted;
    Py_buffer hashes, order;
    (void)self;
    if (!PyArg_ParseTuple(args, "O!y*y*O!", &PyList_Type, &keys, &hashes, &order,
                          &PyList_Type, &wanted))
        return NULL;
    PyObject *result = NULL;
    Py_ssize_t size = hashes.len / (Py_ssize_t)sizeof(uint64_t);
    Py_ssize_t rows = PyList_GET_SIZE(keys);
    if (hashes.len % (Py_ssize_t)sizeof(uint64_t) != 0 || order.len != size * 4) {
        PyErr_SetString(PyExc_ValueError, "hashes and order must have one item a key");
        goto done;
    }
    const uint64_t *hash = hashes.buf;
    const int32_t *row = order.buf;
    Py_ssize_t n = PyList_GET_SIZE(wanted);
    result = PyList_New(n);
    if (result == NULL) goto done;
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *key = PyList_GET_ITEM(wanted, k);
        uint64_t h;
        if (!fnv1a(key, &h)) goto fail;
        Py_ssize_t lo = 0, hi = size;
        while (lo < hi) {
            Py_ssize_t mid = lo + (hi - lo) / 2;
            if (hash[mid] < h) lo = mid + 1; else hi = mid;
        }
        PyObject *found = Py_None;
        for (; lo < size && hash[lo] == h; lo++) {
            int32_t r = row[lo];
            if (r < 0 || r >= rows) {
                PyErr_SetString(PyExc_IndexError, "order points past the keys");
                goto fail;
            }
            int same = PyObject_RichCompareBool(PyList_GET_ITEM(keys, r), key, Py_EQ);
            if (same < 0) goto fail;
            if (same) {
                found = PyLong_FromLong(r);
                if (found == NULL) goto fail;
                break;
            }
        }
        if (found == Py_None) Py_INCREF(Py_None);
        PyList_SET_ITEM(result, k, found);
    }
    goto done;
fail:
    Py_CLEAR(result);
done:
    PyBuffer_Release(&hashes);
    PyBuffer_Release(&order);
    return result;
}

static PyMethodDef methods[] = {
    {"top_weighted", top_weighted, METH_VARARGS, top_weighted_doc},
    {"top_rows", top_rows, METH_VARARGS, top_rows_doc},
    {"hash_keys", hash_keys, METH_VARARGS, hash_keys_doc},
    {"find_rows", find_rows, METH_VARARGS, find_rows_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_postings", "The candidate doors' inner loops in C.", -1, methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__postings(void) { return PyModule_Create(&module); }
