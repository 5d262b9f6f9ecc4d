/**
 * {@link descent.check.Check}: the argument checks shared by {@code descent.optim},
 * {@code descent.schedule} and {@code descent.init}. It depends on nothing, so those packages
 * still depend on ND4J only (and on this leaf).
 */
package descent.check;
