package io.thumbler.security;

import java.util.Optional;

/**
 * Whether and how request signatures are checked: signed (the default) or, only when
 * {@code THUMBLER_INSECURE=true} is set explicitly, insecure, in which any text in the signature
 * segment is accepted (imgproxy URLs write {@code insecure} or {@code _} there).
 */
public final class SignaturePolicy {

    private final UrlSigner signer;

    private SignaturePolicy(UrlSigner signer) {
        this.signer = signer;
    }

    public static SignaturePolicy signed(UrlSigner signer) {
        return new SignaturePolicy(signer);
    }

    public static SignaturePolicy insecure() {
        return new SignaturePolicy(null);
    }

    public boolean isInsecure() {
        return signer == null;
    }

    /** The signer, when signing is on; used to print example URLs and by the playground. */
    public Optional<UrlSigner> signer() {
        return Optional.ofNullable(signer);
    }

    /** Throws a 403 {@code ThumblerException} unless the signature is valid for the path (or signing is off). */
    public void verify(String signature, String path) {
        if (signer != null) {
            signer.verify(signature, path);
        }
    }

    /** A signature segment for {@code path}: a real one when signing is on, {@code insecure} otherwise. */
    public String signatureFor(String path) {
        return signer == null ? "insecure" : signer.sign(path);
    }
}
