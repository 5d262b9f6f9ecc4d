/**
 * A minimal neural network with hand-written backpropagation over one flat parameter vector θ.
 *
 * <pre>
 *   Network net = Network.mlp(784, 200, 10).relu().seed(42).build();     // He init, biases 0
 *   double loss = net.gradient(x, y);           // forward, loss, backward: net.grad() = ∂L/∂θ
 *   new Momentum(0.01, 0.9).step(net.theta(), net.grad());
 *   net.accuracy(testX, testY);
 *   GradientCheck.of(doubleNet, x, y);          // backprop against central differences
 * </pre>
 *
 * <p>Each layer ({@link descent.nn.Dense}, the {@link descent.nn.Activation}s,
 * {@link descent.nn.BatchNorm}, {@link descent.nn.Dropout}) shows its forward and backward side by
 * side; the losses ({@link descent.nn.SoftmaxCrossEntropy}, {@link descent.nn.MeanSquaredError})
 * give L and ∂L/∂ŷ. Weights are views into θ, so an optimizer updates the whole network in one
 * pass. Matrix products run as BLAS gemm into reused arrays, large ones split among the cores
 * ({@code Gemm}, {@link descent.cores.Cores}); elementwise work runs in plain Java loops
 * ({@code Heap}).
 */
package descent.nn;
