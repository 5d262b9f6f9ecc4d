// Loaded by ijava-style.ipynb as "%load helpers": IJava tries .jsh first.
String shout(String s) {
    return s.toUpperCase() + "!";
}
