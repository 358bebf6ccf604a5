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

static PyObject *py_distance(PyObject *self, PyObject *args) {
    PyObject *a, *b;
    if (!PyArg_ParseTuple(args, "UU", &a, &b))
        return NULL;
    if (!configured) {
        PyErr_SetString(PyExc_RuntimeError, "distance: configure() first");
        return NULL;
    }
    if (!PyUnicode_IS_ASCII(a) || !PyUnicode_IS_ASCII(b))
        Py_RETURN_NONE;
    Py_ssize_t n = PyUnicode_GET_LENGTH(a), m = PyUnicode_GET_LENGTH(b);
    if (n > MAX_SOUNDS || m > MAX_SOUNDS)
        Py_RETURN_NONE;
    const unsigned char *x = PyUnicode_1BYTE_DATA(a), *y = PyUnicode_1BYTE_DATA(b);
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
    return PyFloat_FromDouble(previous[m]);
}

static PyMethodDef methods[] = {
    {"configure", py_configure, METH_VARARGS, configure_doc},
    {"distance", py_distance, METH_VARARGS, distance_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_sounds", "Weighted edit distance between sound sequences.", -1,
    methods,
};

PyMODINIT_FUNC PyInit__sounds(void) { return PyModule_Create(&module); }
