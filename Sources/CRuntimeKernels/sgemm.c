// The fused-multiply-add SGEMM of CRuntimeKernels.h: four rows by sixteen (or eight) columns per register block.
#include "CRuntimeKernels.h"

#if defined(__x86_64__)
#include <immintrin.h>

int cairn_sgemm_fma_supported(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}

__attribute__((target("avx2,fma"))) static void block(const float *a, const float *b, float *c, long rows, long k, long n, long column) {
    __m256 acc[4] = {_mm256_setzero_ps(), _mm256_setzero_ps(), _mm256_setzero_ps(), _mm256_setzero_ps()};
    for (long p = 0; p < k; p++) {
        __m256 v = _mm256_loadu_ps(b + p * n + column);
        for (long r = 0; r < rows; r++) acc[r] = _mm256_fmadd_ps(_mm256_set1_ps(a[r * k + p]), v, acc[r]);
    }
    for (long r = 0; r < rows; r++) _mm256_storeu_ps(c + r * n + column, acc[r]);
}

__attribute__((target("avx2,fma"))) static void block4(const float *a, const float *b, float *c, long k, long n, long column) {
    __m256 c0 = _mm256_setzero_ps(), c1 = _mm256_setzero_ps(), c2 = _mm256_setzero_ps(), c3 = _mm256_setzero_ps();
    const float *a0 = a, *a1 = a + k, *a2 = a + 2 * k, *a3 = a + 3 * k;
    for (long p = 0; p < k; p++) {
        __m256 v = _mm256_loadu_ps(b + p * n + column);
        c0 = _mm256_fmadd_ps(_mm256_set1_ps(a0[p]), v, c0);
        c1 = _mm256_fmadd_ps(_mm256_set1_ps(a1[p]), v, c1);
        c2 = _mm256_fmadd_ps(_mm256_set1_ps(a2[p]), v, c2);
        c3 = _mm256_fmadd_ps(_mm256_set1_ps(a3[p]), v, c3);
    }
    _mm256_storeu_ps(c + column, c0);
    _mm256_storeu_ps(c + n + column, c1);
    _mm256_storeu_ps(c + 2 * n + column, c2);
    _mm256_storeu_ps(c + 3 * n + column, c3);
}

__attribute__((target("avx2,fma"))) static void block4x16(const float *a, const float *b, float *c, long k, long n, long column) {
    __m256 c0 = _mm256_setzero_ps(), c1 = _mm256_setzero_ps(), c2 = _mm256_setzero_ps(), c3 = _mm256_setzero_ps();
    __m256 d0 = _mm256_setzero_ps(), d1 = _mm256_setzero_ps(), d2 = _mm256_setzero_ps(), d3 = _mm256_setzero_ps();
    const float *a0 = a, *a1 = a + k, *a2 = a + 2 * k, *a3 = a + 3 * k;
    for (long p = 0; p < k; p++) {
        __m256 v = _mm256_loadu_ps(b + p * n + column), w = _mm256_loadu_ps(b + p * n + column + 8);
        __m256 x0 = _mm256_set1_ps(a0[p]), x1 = _mm256_set1_ps(a1[p]), x2 = _mm256_set1_ps(a2[p]), x3 = _mm256_set1_ps(a3[p]);
        c0 = _mm256_fmadd_ps(x0, v, c0);
        d0 = _mm256_fmadd_ps(x0, w, d0);
        c1 = _mm256_fmadd_ps(x1, v, c1);
        d1 = _mm256_fmadd_ps(x1, w, d1);
        c2 = _mm256_fmadd_ps(x2, v, c2);
        d2 = _mm256_fmadd_ps(x2, w, d2);
        c3 = _mm256_fmadd_ps(x3, v, c3);
        d3 = _mm256_fmadd_ps(x3, w, d3);
    }
    _mm256_storeu_ps(c + column, c0);
    _mm256_storeu_ps(c + column + 8, d0);
    _mm256_storeu_ps(c + n + column, c1);
    _mm256_storeu_ps(c + n + column + 8, d1);
    _mm256_storeu_ps(c + 2 * n + column, c2);
    _mm256_storeu_ps(c + 2 * n + column + 8, d2);
    _mm256_storeu_ps(c + 3 * n + column, c3);
    _mm256_storeu_ps(c + 3 * n + column + 8, d3);
}

__attribute__((target("avx2,fma"))) void cairn_sgemm_fma(const float *a, const float *b, float *c, long m, long k, long n) {
    long full = n - n % 8;
    for (long row = 0; row < m; row += 4) {
        long rows = m - row < 4 ? m - row : 4;
        const float *ar = a + row * k;
        float *cr = c + row * n;
        long column = 0;
        if (rows == 4) {
            for (; column + 16 <= full; column += 16) block4x16(ar, b, cr, k, n, column);
        }
        for (; column < full; column += 8) {
            if (rows == 4) block4(ar, b, cr, k, n, column); else block(ar, b, cr, rows, k, n, column);
        }
        for (long r = 0; r < rows; r++) {
            for (long column = full; column < n; column++) {
                float sum = 0;
                for (long p = 0; p < k; p++) sum = __builtin_fmaf(ar[r * k + p], b[p * n + column], sum);
                cr[r * n + column] = sum;
            }
        }
    }
}

#else

int cairn_sgemm_fma_supported(void) { return 0; }

void cairn_sgemm_fma(const float *a, const float *b, float *c, long m, long k, long n) {
    (void)a; (void)b; (void)c; (void)m; (void)k; (void)n;
}

#endif
