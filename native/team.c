/*
 * A team of threads computing one right-hand side call of the native kernel
 * together: the calling thread and threads - 1 POSIX threads, each with its
 * own kernel workspace (oneLayer.c), take the model's fixed chunks from a
 * shared counter; chunk c is summed into its own slot parts + c p, as in
 * src/model/threadedRhs.ts, so the result is the same bits for any number of
 * threads and any assignment of chunks to threads. The caller then adds the
 * slots in order and applies the two-point kernel (finish, the C copy of
 * finishRhs: 2.9 us per call in JavaScript at N = 64, p = 129).
 *
 * Between calls a worker spins on the call number for 0.2 ms (a solver's
 * calls come microseconds apart), then sleeps on a condition variable; the
 * caller wakes sleepers. Against worker_threads driving the kernel through
 * Node-API (threadedRhs.ts) this saves the per-call JavaScript on both
 * threads: see bench section 3.
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "team.h"

struct EganTeam {
  int32_t threads, chunks, p, N, d;
  EganFinish fin;
  double *sum; /* d entries, the two-point kernel's sum of G */
  EganOneLayer **k;
  pthread_t *tid;
  int32_t started;
  /* The call being computed (written by the caller before it publishes seq). */
  const double *u;
  double *parts, *G;
  atomic_int seq;  /* call number; -1 stops the workers */
  atomic_int next; /* next chunk to take */
  atomic_int done; /* workers finished with the current call */
  atomic_int sleepers;
  pthread_mutex_t mu;
  pthread_cond_t cv;
};

/* How long a worker spins after a call before it sleeps (microseconds; the clock is read every 64 pauses,
 * since a pause costs from ~10 to ~140 cycles depending on the CPU). */
#define SPIN_US 200.0

static double nowUs(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e6 + ts.tv_nsec * 1e-3;
}

static inline void relax(void) {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#elif defined(__aarch64__)
  __asm__ __volatile__("yield");
#endif
}

static void work(EganTeam *t, int32_t i) {
  EganOneLayer *k = t->k[i];
  eganOneLayerLoad(k, t->u);
  const int32_t p = t->p;
  for (int32_t c = atomic_fetch_add(&t->next, 1); c < t->chunks; c = atomic_fetch_add(&t->next, 1)) {
    memset(t->parts + (size_t)c * p, 0, sizeof(double) * (size_t)p);
    eganOneLayerChunk(k, t->u, c, t->parts + (size_t)c * p, t->G);
  }
}

typedef struct { EganTeam *t; int32_t i; } WorkerArg;

static void *worker(void *arg) {
  EganTeam *t = ((WorkerArg *)arg)->t;
  const int32_t i = ((WorkerArg *)arg)->i;
  free(arg);
  int seen = 0;
  for (;;) {
    int s = atomic_load(&t->seq);
    const double since = nowUs();
    for (unsigned spins = 0; s == seen; s = atomic_load(&t->seq)) {
      relax();
      if ((++spins & 63) != 0 || nowUs() - since < SPIN_US) continue;
      /* Sleep: counted as a sleeper before the last look at seq, so the caller's wake-up cannot be missed. */
      pthread_mutex_lock(&t->mu);
      atomic_fetch_add(&t->sleepers, 1);
      while ((s = atomic_load(&t->seq)) == seen) pthread_cond_wait(&t->cv, &t->mu);
      atomic_fetch_sub(&t->sleepers, 1);
      pthread_mutex_unlock(&t->mu);
      break;
    }
    if (s < 0) return NULL;
    seen = s;
    work(t, i);
    atomic_fetch_add(&t->done, 1);
  }
}

/* Publish a new call number (or -1) and wake the sleeping workers. */
static void publish(EganTeam *t, int s) {
  atomic_store(&t->seq, s);
  if (atomic_load(&t->sleepers) > 0) {
    pthread_mutex_lock(&t->mu);
    pthread_cond_broadcast(&t->cv);
    pthread_mutex_unlock(&t->mu);
  }
}

/*
 * finishRhs of src/model/rhsOneLayer.ts: du_theta = etaD (the chunks' gradients added in chunk order - mu theta),
 * and for the two-point kernel du_X = scale K G with kernels.ts's expressions ((K G)_i = (g1 - g2) G_i + g2
 * sum_j G_j); other kernels are applied by the JavaScript side.
 */
static void finish(EganTeam *t, const double *u, const double *parts, const double *G, double *du) {
  const int32_t p = t->p, chunks = t->chunks, to = t->N * t->d, N = t->N, d = t->d;
  const double etaD = t->fin.etaD, mu = t->fin.mu;
  for (int32_t k = 0; k < p; k++) {
    double s = parts[k];
    for (int32_t c = 1; c < chunks; c++) s += parts[(size_t)c * p + k];
    du[to + k] = etaD * (s - mu * u[to + k]);
  }
  if (!t->fin.twoPoint) return;
  double *sum = t->sum;
  for (int32_t q = 0; q < d; q++) sum[q] = 0;
  for (int32_t j = 0; j < N; j++) for (int32_t q = 0; q < d; q++) sum[q] += G[(size_t)j * d + q];
  const double a = t->fin.scale * (t->fin.g1 - t->fin.g2), b = t->fin.scale * t->fin.g2;
  for (int32_t i = 0; i < N; i++) for (int32_t q = 0; q < d; q++) du[(size_t)i * d + q] = a * G[(size_t)i * d + q] + b * sum[q];
}

void eganTeamRun(EganTeam *t, const double *u, double *parts, double *G, double *du) {
  t->u = u;
  t->parts = parts;
  t->G = G;
  atomic_store(&t->next, 0);
  atomic_store(&t->done, 0);
  if (t->threads > 1) {
    const int s = atomic_load(&t->seq);
    publish(t, s >= 0x3fffffff ? 1 : s + 1);
  }
  work(t, 0);
  while (atomic_load(&t->done) < t->threads - 1) relax();
  finish(t, u, parts, G, du);
}

int32_t eganTeamThreads(const EganTeam *t) { return t->threads; }
const EganOneLayer *eganTeamKernel(const EganTeam *t) { return t->k[0]; }

void eganTeamFree(EganTeam *t) {
  if (!t) return;
  if (t->started > 0) {
    publish(t, -1);
    for (int32_t i = 0; i < t->started; i++) pthread_join(t->tid[i], NULL);
  }
  if (t->k) for (int32_t i = 0; i < t->threads; i++) eganOneLayerFree(t->k[i]);
  free(t->k);
  free(t->tid);
  free(t->sum);
  pthread_mutex_destroy(&t->mu);
  pthread_cond_destroy(&t->cv);
  free(t);
}

EganTeam *eganTeamCreate(const EganOneLayerInts *ints, double lambda, const double *Y, const double *wY, const double *tables, const EganFinish *fin, int32_t threads) {
  if (threads < 1 || threads > ints->chunks) return NULL;
  EganTeam *t = calloc(1, sizeof *t);
  if (!t) return NULL;
  pthread_mutex_init(&t->mu, NULL);
  pthread_cond_init(&t->cv, NULL);
  atomic_init(&t->seq, 0);
  atomic_init(&t->next, 0);
  atomic_init(&t->done, 0);
  atomic_init(&t->sleepers, 0);
  t->threads = threads;
  t->chunks = ints->chunks;
  t->N = ints->N;
  t->d = ints->d;
  t->fin = *fin;
  t->sum = calloc((size_t)ints->d, sizeof(double));
  t->k = calloc((size_t)threads, sizeof *t->k);
  t->tid = calloc((size_t)threads, sizeof *t->tid);
  if (!t->k || !t->tid || !t->sum) { eganTeamFree(t); return NULL; }
  for (int32_t i = 0; i < threads; i++) {
    t->k[i] = eganOneLayerCreate(ints, lambda, Y, wY, tables);
    if (!t->k[i]) { eganTeamFree(t); return NULL; }
  }
  t->p = eganOneLayerParams(t->k[0]);
  for (int32_t i = 1; i < threads; i++) {
    WorkerArg *a = malloc(sizeof *a);
    if (!a) { eganTeamFree(t); return NULL; }
    a->t = t;
    a->i = i;
    if (pthread_create(&t->tid[t->started], NULL, worker, a) != 0) { free(a); eganTeamFree(t); return NULL; }
    t->started++;
  }
  return t;
}
