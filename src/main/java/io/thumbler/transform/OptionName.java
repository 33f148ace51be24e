package io.thumbler.transform;

/**
 * The name of an option as it appeared in the URL, with the long name it stands for, so that an
 * error message can say both ({@code option 'width' (written 'w')}).
 */
record OptionName(String canonical, String written) {

    String describe() {
        return written.equals(canonical) ? "'" + canonical + "'" : "'" + canonical + "' (written '" + written + "')";
    }
}
