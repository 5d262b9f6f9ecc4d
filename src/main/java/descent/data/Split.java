package descent.data;

/** A training set and a test set, e.g. {@code Datasets.mnist()}: fit on {@code train}, report on {@code test}. */
public record Split(DataSet train, DataSet test) {

    @Override
    public String toString() {
        return "train: " + train + "\ntest:  " + test;
    }
}
