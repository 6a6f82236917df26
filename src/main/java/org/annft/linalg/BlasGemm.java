package org.annft.linalg;

import dev.ludovic.netlib.blas.BLAS;
import org.ejml.data.DMatrixRMaj;

/**
 * {@link Gemm} through netlib's {@code dgemm} on the EJML arrays themselves (no copies).
 *
 * <p>BLAS is column-major; a row-major {@code r x c} array is the column-major {@code c x r}
 * matrix, its transpose. So the row-major product {@code C = op(A) op(B)} is computed as the
 * column-major product {@code C^T = op(B)^T op(A)^T}: swap the operands, keep the transpose flags,
 * and use each row-major matrix's column count as its leading dimension.
 *
 * <p>The library is this JVM's {@link BlasLibrary} (bundled OpenBLAS, system BLAS or pure Java, as
 * the setting {@code annft.blas} says), one BLAS thread per call. With {@code threads > 1} a large
 * product is split into blocks of {@code C}'s columns, {@code C[:, j0:j1) = op(A) op(B)[:, j0:j1)},
 * each one single-threaded call on its own thread ({@link ColumnBlocks}). Every element keeps its
 * whole sum over the inner dimension in one call, so the result is the one-thread result bit for
 * bit, as long as every block takes the kernel path the whole product takes: OpenBLAS computes
 * small products with other kernels (summing in another order), so no block has fewer than
 * {@value #MINIMUM_BLOCK_WORK} multiply-adds (on OpenBLAS 0.3.31, blocks of 2.7e6 differed, of 4.0e6
 * did not; {@code BlasGemmTest} checks the trainer's shapes). A multi-threaded instance serves one
 * training (not concurrent calls).
 */
final class BlasGemm implements Gemm {

    static final BlasGemm INSTANCE = new BlasGemm(BlasLibrary.current(), 1);

    /** The fewest multiply-adds {@code m j k} of a block of {@code j} columns. */
    static final long MINIMUM_BLOCK_WORK = 4_000_000L;
    /** Blocks start at multiples of this many columns: whole vector registers of either precision. */
    static final int BLOCK_ALIGNMENT = 16;

    private final BlasLibrary library;
    private final BLAS blas;
    /** Null for one thread. */
    private final ColumnBlocks blocks;
    // The call that blocks are cut from (a multi-threaded instance serves one training, one call at a time).
    private boolean transposeA;
    private boolean transposeB;
    private double alpha;
    private double beta;
    private DMatrixRMaj a;
    private DMatrixRMaj b;
    private DMatrixRMaj c;
    private int inner;
    private int blockCount;
    private final java.util.function.IntConsumer blockCall = this::multiplyBlock;

    BlasGemm(BlasLibrary library, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("gemm threads must be at least 1, got " + threads);
        }
        this.library = library;
        this.blas = library.blas();
        this.blocks = threads == 1 ? null : new ColumnBlocks(threads);
    }

    @Override
    public void multiply(boolean transposeA, boolean transposeB, double alpha, DMatrixRMaj a, DMatrixRMaj b,
            double beta, DMatrixRMaj c) {
        int k = Gemm.checkShapes(transposeA, transposeB, a, b, c);
        int m = c.numRows;
        int n = c.numCols;
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            // BLAS would leave c untouched for beta = 0 only in some implementations; be explicit.
            scale(beta, c);
            return;
        }
        int count = blocks == null ? 1 : blockCount(m, n, k, blocks.threads());
        if (count == 1) {
            blas.dgemm(transposeB ? "T" : "N", transposeA ? "T" : "N", n, m, k,
                    alpha, b.data, 0, Math.max(1, b.numCols), a.data, 0, Math.max(1, a.numCols),
                    beta, c.data, 0, Math.max(1, n));
            return;
        }
        this.transposeA = transposeA;
        this.transposeB = transposeB;
        this.alpha = alpha;
        this.beta = beta;
        this.a = a;
        this.b = b;
        this.c = c;
        this.inner = k;
        this.blockCount = count;
        try {
            blocks.run(count, blockCall);
        } finally {
            this.a = null;
            this.b = null;
            this.c = null;
        }
    }

    /**
     * Column blocks of an {@code m x n} product with inner dimension {@code k}: as many as there are
     * threads, but none narrower than {@link #MINIMUM_BLOCK_WORK} allows (counting the columns lost
     * to {@link #BLOCK_ALIGNMENT}); 1 means one call.
     */
    static int blockCount(int m, int n, int k, int threads) {
        for (int count = Math.min(threads, n / BLOCK_ALIGNMENT); count > 1; count--) {
            long narrowest = n / count - BLOCK_ALIGNMENT;
            if (narrowest * m * k >= MINIMUM_BLOCK_WORK) {
                return count;
            }
        }
        return 1;
    }

    /** First column of block {@code index} of {@code count} over {@code n} columns ({@code n} for index = count). */
    static int blockStart(int index, int count, int n) {
        return index == count ? n : (int) ((long) n * index / count) / BLOCK_ALIGNMENT * BLOCK_ALIGNMENT;
    }

    /** {@code C[:, j0:j1) = alpha op(A) op(B)[:, j0:j1) + beta C[:, j0:j1)}, one single-threaded call. */
    private void multiplyBlock(int index) {
        int n = c.numCols;
        int from = blockStart(index, blockCount, n);
        int to = blockStart(index + 1, blockCount, n);
        // op(B)'s columns from..to: columns of B, or rows of B when it is transposed.
        int bOffset = transposeB ? from * b.numCols : from;
        blas.dgemm(transposeB ? "T" : "N", transposeA ? "T" : "N", to - from, c.numRows, inner,
                alpha, b.data, bOffset, Math.max(1, b.numCols), a.data, 0, Math.max(1, a.numCols),
                beta, c.data, from, Math.max(1, n));
    }

    private static void scale(double beta, DMatrixRMaj c) {
        int size = c.getNumElements();
        for (int i = 0; i < size; i++) {
            c.data[i] = beta == 0 ? 0.0 : beta * c.data[i];
        }
    }

    /**
     * {@link BlasLibrary#summary()}, e.g. {@code bundled OpenBLAS 0.3.31 Haswell}, with
     * {@code , 2 threads} when products are split.
     */
    @Override
    public String implementationName() {
        return blocks == null ? library.summary() : library.summary() + ", " + blocks.threads() + " threads";
    }

    BlasLibrary library() {
        return library;
    }
}
