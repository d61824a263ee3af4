// Numeric kernels CairnRuntime calls that need instructions the portable Swift build cannot emit (AVX2 and FMA),
// chosen at run time by what the processor supports.
#ifndef CRUNTIMEKERNELS_H
#define CRUNTIMEKERNELS_H

/// Whether this processor runs `cairn_sgemm_fma` (x86-64 with AVX2 and FMA).
int cairn_sgemm_fma_supported(void);

/// C = A·B for row-major float matrices A (m×k), B (k×n), C (m×n): each element summed over k in order with fused
/// multiply-adds, as onnxruntime's SGEMM does. Call only when `cairn_sgemm_fma_supported()` returns 1.
void cairn_sgemm_fma(const float *a, const float *b, float *c, long m, long k, long n);

#endif
