/*
 * Node-API glue for the native kernel (oneLayer.c), loaded by
 * src/model/native.ts. Exports:
 *   create(ints: Int32Array, lambda, Y: Float64Array, wY: Float64Array, tables: Float64Array) -> handle
 *   load(handle, u: Float64Array)
 *   chunk(handle, u: Float64Array, c, grad: Float64Array, go, G: Float64Array)
 *   teamCreate(ints, lambda, Y, wY, tables, finish: Float64Array, threads) -> team handle (team.c)
 *   teamRun(team, u: Float64Array, parts: Float64Array, G: Float64Array, du: Float64Array)
 *   teamClose(team): stops its threads (also done when the handle is garbage-collected)
 *   abi: the version of this interface (native.ts refuses a build with another one).
 * Every array length is checked against the model before the kernel runs (a
 * wrong call throws a JavaScript error instead of touching memory it does not
 * own). The kernel is freed when its handle is garbage-collected.
 *
 * The few Node-API functions used are declared here rather than taken from
 * node_api.h, so that building needs a C compiler only, not Node's headers:
 * Node-API is Node's ABI-stable C interface, and these signatures and enum
 * values are fixed by it (they are those of node_api.h / js_native_api.h).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include "oneLayer.h"
#include "vec.h"
#include "team.h"

#define EGAN_NATIVE_ABI 3

typedef struct napi_env__ *napi_env;
typedef struct napi_value__ *napi_value;
typedef struct napi_callback_info__ *napi_callback_info;
typedef int napi_status; /* napi_ok = 0 */
typedef napi_value (*napi_callback)(napi_env env, napi_callback_info info);
typedef void (*napi_finalize)(napi_env env, void *data, void *hint);
typedef enum {
  napi_int8_array, napi_uint8_array, napi_uint8_clamped_array, napi_int16_array, napi_uint16_array,
  napi_int32_array, napi_uint32_array, napi_float32_array, napi_float64_array, napi_bigint64_array, napi_biguint64_array
} napi_typedarray_type;

extern napi_status napi_get_cb_info(napi_env env, napi_callback_info info, size_t *argc, napi_value *argv, napi_value *this_arg, void **data);
extern napi_status napi_get_typedarray_info(napi_env env, napi_value typedarray, napi_typedarray_type *type, size_t *length, void **data, napi_value *arraybuffer, size_t *byte_offset);
extern napi_status napi_get_value_int32(napi_env env, napi_value value, int32_t *result);
extern napi_status napi_get_value_double(napi_env env, napi_value value, double *result);
extern napi_status napi_create_external(napi_env env, void *data, napi_finalize finalize_cb, void *finalize_hint, napi_value *result);
extern napi_status napi_get_value_external(napi_env env, napi_value value, void **result);
extern napi_status napi_create_function(napi_env env, const char *utf8name, size_t length, napi_callback cb, void *data, napi_value *result);
extern napi_status napi_create_int32(napi_env env, int32_t value, napi_value *result);
extern napi_status napi_set_named_property(napi_env env, napi_value object, const char *utf8name, napi_value value);
extern napi_status napi_throw_error(napi_env env, const char *code, const char *msg);

#if defined(_WIN32)
#define EXPORT __declspec(dllexport)
#else
#define EXPORT __attribute__((visibility("default")))
#endif

/* Argument i as a Float64Array of at least `min` elements; NULL (a pending JavaScript error) otherwise. */
static double *f64(napi_env env, napi_value v, size_t min, const char *what) {
  napi_typedarray_type type;
  size_t length = 0;
  void *data = NULL;
  if (napi_get_typedarray_info(env, v, &type, &length, &data, NULL, NULL) != 0 || type != napi_float64_array) {
    napi_throw_error(env, "EGAN_NATIVE_ARG", what);
    return NULL;
  }
  if (length < min) {
    napi_throw_error(env, "EGAN_NATIVE_ARG", what);
    return NULL;
  }
  static double none[1]; /* an empty array may have no data pointer; the kernel reads nothing from it then */
  return data ? (double *)data : none;
}

/* The call's first k arguments into argv; 0 with a pending JavaScript error (the usage) when there are fewer. */
static int args(napi_env env, napi_callback_info info, size_t k, napi_value *argv, const char *usage) {
  size_t argc = k;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != 0 || argc < k) { napi_throw_error(env, "EGAN_NATIVE_ARG", usage); return 0; }
  return 1;
}

static int i32(napi_env env, napi_value v, int32_t *out, const char *what) {
  if (napi_get_value_int32(env, v, out) != 0) { napi_throw_error(env, "EGAN_NATIVE_ARG", what); return 0; }
  return 1;
}

static EganOneLayer *handle(napi_env env, napi_value v) {
  void *k = NULL;
  if (napi_get_value_external(env, v, &k) != 0 || !k) { napi_throw_error(env, "EGAN_NATIVE_ARG", "the first argument must be a kernel handle from create()"); return NULL; }
  return (EganOneLayer *)k;
}

/* The arguments (ints, lambda, Y, wY, tables) of create and teamCreate; 0 with a pending JavaScript error. */
typedef struct { EganOneLayerInts ints; double lambda; const double *Y, *wY, *tables; } ModelArgs;

static int modelArgs(napi_env env, const napi_value *argv, const char *fn, ModelArgs *a) {
  napi_typedarray_type type;
  size_t n = 0;
  void *data = NULL;
  if (napi_get_typedarray_info(env, argv[0], &type, &n, &data, NULL, NULL) != 0 || type != napi_int32_array || n != EGAN_ONE_LAYER_INTS) {
    napi_throw_error(env, "EGAN_NATIVE_ARG", fn); /* fn names the function: "...: ints must be an Int32Array of 14 entries" */
    return 0;
  }
  const int32_t *v = (const int32_t *)data;
  int32_t *fields[EGAN_ONE_LAYER_INTS] = { &a->ints.N, &a->ints.M, &a->ints.H, &a->ints.d, &a->ints.chunks, &a->ints.block, &a->ints.activation, &a->ints.regKind, &a->ints.regFake, &a->ints.regReal, &a->ints.W, &a->ints.B, &a->ints.WO, &a->ints.BO };
  for (int j = 0; j < EGAN_ONE_LAYER_INTS; j++) *fields[j] = v[j];
  if (a->ints.M < 0 || a->ints.d < 1) { napi_throw_error(env, "EGAN_NATIVE_ARG", "create: invalid sizes"); return 0; }
  if (napi_get_value_double(env, argv[1], &a->lambda) != 0) { napi_throw_error(env, "EGAN_NATIVE_ARG", "create: lambda must be a number"); return 0; }
  if (!(a->Y = f64(env, argv[2], (size_t)a->ints.M * (size_t)a->ints.d, "create: Y must be a Float64Array of M d entries"))) return 0;
  if (!(a->wY = f64(env, argv[3], (size_t)a->ints.M, "create: wY must be a Float64Array of M entries"))) return 0;
  if (!(a->tables = f64(env, argv[4], EGAN_EXP_TABLES, "create: tables must be a Float64Array of 2146 entries"))) return 0;
  return 1;
}

static void finalizeKernel(napi_env env, void *data, void *hint) { (void)env; (void)hint; eganOneLayerFree((EganOneLayer *)data); }

static napi_value create(napi_env env, napi_callback_info info) {
  napi_value argv[5];
  if (!args(env, info, 5, argv, "create(ints, lambda, Y, wY, tables) takes 5 arguments")) return NULL;
  ModelArgs a;
  if (!modelArgs(env, argv, "create: ints must be an Int32Array of 14 entries", &a)) return NULL;
  EganOneLayer *k = eganOneLayerCreate(&a.ints, a.lambda, a.Y, a.wY, a.tables);
  if (!k) { napi_throw_error(env, "EGAN_NATIVE_CREATE", "create: invalid sizes, a table of 2^m that is not exact, or out of memory"); return NULL; }
  napi_value h;
  if (napi_create_external(env, k, finalizeKernel, NULL, &h) != 0) { eganOneLayerFree(k); napi_throw_error(env, "EGAN_NATIVE_CREATE", "create: no handle"); return NULL; }
  return h;
}

static napi_value load(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  if (!args(env, info, 2, argv, "load(handle, u) takes 2 arguments")) return NULL;
  EganOneLayer *k = handle(env, argv[0]);
  if (!k) return NULL;
  const double *u = f64(env, argv[1], (size_t)eganOneLayerStateSize(k), "load: u must be a Float64Array of the state's size");
  if (!u) return NULL;
  eganOneLayerLoad(k, u);
  return NULL;
}

static napi_value chunk(napi_env env, napi_callback_info info) {
  napi_value argv[6];
  if (!args(env, info, 6, argv, "chunk(handle, u, c, grad, go, G) takes 6 arguments")) return NULL;
  EganOneLayer *k = handle(env, argv[0]);
  if (!k) return NULL;
  const int32_t n = eganOneLayerStateSize(k), p = eganOneLayerParams(k);
  const double *u = f64(env, argv[1], (size_t)n, "chunk: u must be a Float64Array of the state's size");
  if (!u) return NULL;
  int32_t c, go;
  if (!i32(env, argv[2], &c, "chunk: c must be an integer") || !i32(env, argv[4], &go, "chunk: go must be an integer")) return NULL;
  if (c < 0 || c >= eganOneLayerChunks(k) || go < 0) { napi_throw_error(env, "EGAN_NATIVE_ARG", "chunk: c or go out of range"); return NULL; }
  double *grad = f64(env, argv[3], (size_t)go + (size_t)p, "chunk: grad must be a Float64Array of at least go + p entries");
  if (!grad) return NULL;
  double *G = f64(env, argv[5], (size_t)(n - p), "chunk: G must be a Float64Array of N d entries");
  if (!G) return NULL;
  eganOneLayerChunk(k, u, c, grad + go, G);
  return NULL;
}

/*
 * A team handle is an external holding a TeamBox: the team, or NULL once teamClose stopped it (the box is
 * freed with the handle; the team with the box unless closed before).
 */
typedef struct { EganTeam *team; } TeamBox;

static void finalizeTeam(napi_env env, void *data, void *hint) {
  (void)env; (void)hint;
  TeamBox *b = (TeamBox *)data;
  eganTeamFree(b->team);
  free(b);
}

static TeamBox *teamBox(napi_env env, napi_value v) {
  void *b = NULL;
  if (napi_get_value_external(env, v, &b) != 0 || !b) { napi_throw_error(env, "EGAN_NATIVE_ARG", "the first argument must be a team handle from teamCreate()"); return NULL; }
  return (TeamBox *)b;
}

static napi_value teamCreate(napi_env env, napi_callback_info info) {
  napi_value argv[7];
  if (!args(env, info, 7, argv, "teamCreate(ints, lambda, Y, wY, tables, finish, threads) takes 7 arguments")) return NULL;
  ModelArgs a;
  int32_t threads;
  if (!modelArgs(env, argv, "teamCreate: ints must be an Int32Array of 14 entries", &a) || !i32(env, argv[6], &threads, "teamCreate: threads must be an integer")) return NULL;
  const double *f = f64(env, argv[5], EGAN_FINISH_DOUBLES, "teamCreate: finish must be a Float64Array [etaD, mu, twoPoint, g1, g2, scale]");
  if (!f) return NULL;
  const EganFinish fin = { f[0], f[1], f[2], f[3], f[4], f[5] };
  TeamBox *b = malloc(sizeof *b);
  if (!b) { napi_throw_error(env, "EGAN_NATIVE_CREATE", "teamCreate: out of memory"); return NULL; }
  b->team = eganTeamCreate(&a.ints, a.lambda, a.Y, a.wY, a.tables, &fin, threads);
  if (!b->team) { free(b); napi_throw_error(env, "EGAN_NATIVE_CREATE", "teamCreate: threads must be 1 .. chunks, and the kernel or a thread could not be made"); return NULL; }
  napi_value h;
  if (napi_create_external(env, b, finalizeTeam, NULL, &h) != 0) { eganTeamFree(b->team); free(b); napi_throw_error(env, "EGAN_NATIVE_CREATE", "teamCreate: no handle"); return NULL; }
  return h;
}

static napi_value teamRun(napi_env env, napi_callback_info info) {
  napi_value argv[5];
  if (!args(env, info, 5, argv, "teamRun(team, u, parts, G, du) takes 5 arguments")) return NULL;
  TeamBox *b = teamBox(env, argv[0]);
  if (!b) return NULL;
  if (!b->team) { napi_throw_error(env, "EGAN_NATIVE_CLOSED", "teamRun: the team was closed"); return NULL; }
  const EganOneLayer *k = eganTeamKernel(b->team);
  const int32_t n = eganOneLayerStateSize(k), p = eganOneLayerParams(k), chunks = eganOneLayerChunks(k);
  const double *u = f64(env, argv[1], (size_t)n, "teamRun: u must be a Float64Array of the state's size");
  if (!u) return NULL;
  double *parts = f64(env, argv[2], (size_t)chunks * (size_t)p, "teamRun: parts must be a Float64Array of chunks x p entries");
  if (!parts) return NULL;
  double *G = f64(env, argv[3], (size_t)(n - p), "teamRun: G must be a Float64Array of N d entries");
  if (!G) return NULL;
  double *du = f64(env, argv[4], (size_t)n, "teamRun: du must be a Float64Array of the state's size");
  if (!du) return NULL;
  eganTeamRun(b->team, u, parts, G, du);
  return NULL;
}

static napi_value teamClose(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  if (!args(env, info, 1, argv, "teamClose(team) takes 1 argument")) return NULL;
  TeamBox *b = teamBox(env, argv[0]);
  if (!b) return NULL;
  eganTeamFree(b->team);
  b->team = NULL;
  return NULL;
}

EXPORT napi_value napi_register_module_v1(napi_env env, napi_value exports) {
  static const struct { const char *name; napi_callback cb; } fns[] = {
    { "create", create }, { "load", load }, { "chunk", chunk }, { "teamCreate", teamCreate }, { "teamRun", teamRun }, { "teamClose", teamClose },
  };
  for (size_t j = 0; j < sizeof fns / sizeof fns[0]; j++) {
    napi_value f;
    if (napi_create_function(env, fns[j].name, (size_t)-1, fns[j].cb, NULL, &f) != 0 || napi_set_named_property(env, exports, fns[j].name, f) != 0) return NULL;
  }
  napi_value abi;
  if (napi_create_int32(env, EGAN_NATIVE_ABI, &abi) != 0 || napi_set_named_property(env, exports, "abi", abi) != 0) return NULL;
  /* Doubles per vector in the tiles, as this build compiled vec.h (what `egan info` reports). */
  napi_value width;
  if (napi_create_int32(env, VW, &width) != 0 || napi_set_named_property(env, exports, "vectorWidth", width) != 0) return NULL;
  return exports;
}

/* Node-API version this module is written against (8: Node >= 12.22 / 14.17 / 16). */
EXPORT int32_t node_api_module_get_api_version_v1(void) { return 8; }
