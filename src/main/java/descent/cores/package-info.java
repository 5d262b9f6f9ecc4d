/**
 * The cores Descent computes on ({@link descent.cores.Cores}): optimizer steps and large matrix
 * products are split into pieces that the calling thread and one helper per extra core share.
 * It sits below {@code optim} and {@code nn}, which use it, and depends on ND4J only (to keep
 * ND4J's own thread pools at one thread).
 */
package descent.cores;
