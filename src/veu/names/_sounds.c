/* The weighted edit distance between two sound sequences, in C.
 *
 * `veu.names.transliteration.sound_distance` calls `distance` here when the extension is built,
 * and otherwise runs `sound_distance_python`, which defines the result: the same value, to the
 * last bit (the same additions in the same order; a test compares the two). The costs are not
 * written here: `configure` receives them from the Python, a weight for each sound and a cost
 * for each pair, as tables indexed by the sounds' ASCII codes. In Python the distance cost about
 * 40 microseconds a pair; an English query beside names written in Chinese by sound compares
 * each of its words with each of their stretches.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

#define SOUNDS 128
#define MAX_SOUNDS 64 /* longer sequences are left to the Python */

static double weight[SOUNDS];
static double substitution[SOUNDS][SOUNDS];
static int configured = 0;

PyDoc_STRVAR(configure_doc,
             "configure(weights: bytes, substitutions: bytes) -> None\n\n"
             "The costs: 128 doubles (the weight of adding or leaving out each sound), then\n"
             "128 x 128 doubles (the cost of writing one sound for another), by ASCII code.");

static PyObject *py_configure(PyObject *self, PyObject *args) {
    Py_buffer w, s;
    if (!PyArg_ParseTuple(args, "y*y*", &w, &s))
        return NULL;
    if (w.len != (Py_ssize_t)sizeof(weight) || s.len != (Py_ssize_t)sizeof(substitution)) {
        PyBuffer_Release(&w);
        PyBuffer_Release(&s);
        PyErr_SetString(PyExc_ValueError, "configure: tables of 128 and 128 x 128 doubles");
        return NULL;
    }
    memcpy(weight, w.buf, sizeof(weight));
    memcpy(substitution, s.buf, sizeof(substitution));
    PyBuffer_Release(&w);
    PyBuffer_Release(&s);
    configured = 1;
    Py_RETURN_NONE;
}

PyDoc_STRVAR(distance_doc,
             "distance(a: str, b: str) -> float | None\n\n"
             "The weighted edit distance between two sound sequences; None when either holds\n"
             "a character outside ASCII or is longer than 64 sounds (the Python decides).");

/* The distance between x (n sounds) and y (m sounds), both at most MAX_SOUNDS. */
static double distance(const unsigned char *x, Py_ssize_t n, const unsigned char *y,
                       Py_ssize_t m) {
    double previous[MAX_SOUNDS + 1], current[MAX_SOUNDS + 1];
    previous[0] = 0.0;
    for (Py_ssize_t j = 1; j <= m; j++)
        previous[j] = previous[j - 1] + weight[y[j - 1]];
    for (Py_ssize_t i = 0; i < n; i++) {
        double drop = weight[x[i]];
        current[0] = previous[0] + drop;
        for (Py_ssize_t j = 1; j <= m; j++) {
            double best = previous[j] + drop;
            double other = current[j - 1] + weight[y[j - 1]];
            if (other < best)
                best = other;
            other = previous[j - 1] + substitution[x[i]][y[j - 1]];
            if (other < best)
                best = other;
            current[j] = best;
        }
        memcpy(previous, current, sizeof(double) * (size_t)(m + 1));
    }
    return previous[m];
}

/* An ASCII sequence of at most MAX_SOUNDS sounds: its bytes and length, else NULL. */
static const unsigned char *sounds_of(PyObject *text, Py_ssize_t *length) {
    if (!PyUnicode_Check(text) || !PyUnicode_IS_ASCII(text)) return NULL;
    *length = PyUnicode_GET_LENGTH(text);
    return *length > MAX_SOUNDS ? NULL : PyUnicode_1BYTE_DATA(text);
}

static PyObject *py_distance(PyObject *self, PyObject *args) {
    PyObject *a, *b;
    if (!PyArg_ParseTuple(args, "UU", &a, &b))
        return NULL;
    if (!configured) {
        PyErr_SetString(PyExc_RuntimeError, "distance: configure() first");
        return NULL;
    }
    Py_ssize_t n, m;
    const unsigned char *x = sounds_of(a, &n), *y = sounds_of(b, &m);
    if (!x || !y)
        Py_RETURN_NONE;
    return PyFloat_FromDouble(distance(x, n, y, m));
}

/* A sequence's consonants (its sounds not written in lower case) and its weight, summed in
 * order from 0 as Python's sum() adds them. */
static void measure(const unsigned char *x, Py_ssize_t n, Py_ssize_t *consonants, double *mass) {
    *consonants = 0;
    *mass = 0.0;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (x[i] < 'a' || x[i] > 'z') (*consonants)++;
        *mass += weight[x[i]];
    }
}

PyDoc_STRVAR(alike_doc,
             "alike(a: str, sounds: list[str], threshold: float) -> list[int] | None\n\n"
             "The places of the sequences of `sounds` that `a` is alike to, at `threshold` or\n"
             "more, as veu.names.transliteration reads alikeness: 1 - distance / the heavier\n"
             "weight, 0 under one consonant on either side or two on both. None when a\n"
             "sequence holds a character outside ASCII or more than 64 sounds.");

static PyObject *py_alike(PyObject *self, PyObject *args) {
    PyObject *a, *list;
    double threshold;
    if (!PyArg_ParseTuple(args, "UO!d", &a, &PyList_Type, &list, &threshold))
        return NULL;
    if (!configured) {
        PyErr_SetString(PyExc_RuntimeError, "alike: configure() first");
        return NULL;
    }
    Py_ssize_t n;
    const unsigned char *x = sounds_of(a, &n);
    if (!x)
        Py_RETURN_NONE;
    Py_ssize_t consonants_a;
    double mass_a;
    measure(x, n, &consonants_a, &mass_a);
    PyObject *out = PyList_New(0);
    if (!out)
        return NULL;
    Py_ssize_t count = PyList_GET_SIZE(list);
    for (Py_ssize_t k = 0; k < count; k++) {
        Py_ssize_t m, consonants_b;
        double mass_b;
        const unsigned char *y = sounds_of(PyList_GET_ITEM(list, k), &m);
        if (!y) {
            Py_DECREF(out);
            Py_RETURN_NONE;
        }
        measure(y, m, &consonants_b, &mass_b);
        Py_ssize_t fewer = consonants_a < consonants_b ? consonants_a : consonants_b;
        Py_ssize_t more = consonants_a < consonants_b ? consonants_b : consonants_a;
        if (fewer < 1 || more < 2)
            continue;
        double alike = 1.0 - distance(x, n, y, m) / (mass_a >= mass_b ? mass_a : mass_b);
        if ((alike > 0.0 ? alike : 0.0) >= threshold) {
            PyObject *place = PyLong_FromSsize_t(k);
            if (!place || PyList_Append(out, place) < 0) {
                Py_XDECREF(place);
                Py_DECREF(out);
                return NULL;
            }
            Py_DECREF(place);
        }
    }
    return out;
}

static PyMethodDef methods[] = {
    {"configure", py_configure, METH_VARARGS, configure_doc},
    {"distance", py_distance, METH_VARARGS, distance_doc},
    {"alike", py_alike, METH_VARARGS, alike_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_sounds", "Weighted edit distance between sound sequences.", -1,
    methods,
};

PyMODINIT_FUNC PyInit__sounds(void) { return PyModule_Create(&module); }
