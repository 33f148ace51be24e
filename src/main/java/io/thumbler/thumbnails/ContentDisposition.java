package io.thumbler.thumbnails;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.thumbler.image.ImageFormat;
import io.thumbler.transform.Delivery;

/**
 * imgproxy's {@code Content-Disposition}: {@code inline}, or {@code attachment} with
 * {@code return_attachment}; the name from {@code filename}, else the source's last path segment,
 * with the output format's extension. The plain {@code filename} is an ASCII fallback; the exact
 * name travels in RFC 6266's {@code filename*}.
 */
final class ContentDisposition {

    private ContentDisposition() {
    }

    static String of(Delivery delivery, String source, ImageFormat format) {
        String name = delivery.filename().orElseGet(() -> baseName(source)) + "." + format.extension();
        String ascii = name.replaceAll("[^A-Za-z0-9._ -]", "_");
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return (delivery.attachment() ? "attachment" : "inline") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    private static String baseName(String source) {
        String last = source.substring(source.lastIndexOf('/') + 1);
        int q = last.indexOf('?');
        if (q >= 0) {
            last = last.substring(0, q);
        }
        int dot = last.lastIndexOf('.');
        String base = dot > 0 ? last.substring(0, dot) : last;
        return base.isEmpty() ? "image" : base;
    }
}
