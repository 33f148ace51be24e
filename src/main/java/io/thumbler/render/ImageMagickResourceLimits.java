package io.thumbler.render;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The resource limits of the shipped policy.xml, and the comparison of ImageMagick's size
 * notations, for {@link ImageMagickSelfTest}: policy.xml says {@code 12KP} or {@code 64},
 * {@code convert -list resource} prints {@code 12KP} or {@code 64B}.
 */
final class ImageMagickResourceLimits {

    private static final Pattern SIZE = Pattern.compile("([0-9.]+)\\s*([KMGTPE]?)(i?)[BP]?", Pattern.CASE_INSENSITIVE);
    private static final String PREFIXES = "KMGTPE";

    private ImageMagickResourceLimits() {
    }

    /** The resource limits the shipped policy.xml sets, by name ({@code width → 12KP}), in file order. */
    static Map<String, String> shipped() {
        try (InputStream in = ImageMagickSelfTest.policyStream()) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setExpandEntityReferences(false);
            NodeList policies = factory.newDocumentBuilder().parse(in).getElementsByTagName("policy");
            Map<String, String> limits = new LinkedHashMap<>();
            for (int i = 0; i < policies.getLength(); i++) {
                Element policy = (Element) policies.item(i);
                if (policy.getAttribute("domain").equals("resource")) {
                    limits.put(policy.getAttribute("name"), policy.getAttribute("value"));
                }
            }
            return limits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("the shipped policy.xml cannot be parsed", e);
        }
    }

    /** "12KP" equals "12000", "256MiB" equals "268435456B": SI prefixes, binary with an "i". */
    static boolean sameSize(String shown, String expected) {
        double a = parseSize(shown);
        double b = parseSize(expected);
        if (Double.isInfinite(a) || Double.isInfinite(b)) {
            return a == b;
        }
        return !Double.isNaN(a) && Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
    }

    static double parseSize(String text) {
        if (text.equalsIgnoreCase("unlimited")) {
            return Double.POSITIVE_INFINITY;
        }
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) {
            return Double.NaN;
        }
        int power = m.group(2).isEmpty() ? 0 : PREFIXES.indexOf(m.group(2).toUpperCase(Locale.ROOT)) + 1;
        return Double.parseDouble(m.group(1)) * Math.pow(m.group(3).isEmpty() ? 1000 : 1024, power);
    }
}
