package io.thumbler.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.thumbler.config.ConfigReader;
import io.thumbler.config.InvalidConfigurationException;
import io.thumbler.testing.LoggedWarnings;

class SigningSettingsTest {

    private static ConfigReader config(Map<String, String> values) {
        return new ConfigReader(key -> Optional.ofNullable(values.get(key)));
    }

    @Test
    void refusesToStartWithoutAKeyUnlessInsecureIsExplicit() {
        assertThatThrownBy(() -> SigningSettings.read(config(Map.of())))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("thumbler.key (THUMBLER_KEY): no signing key is set");
        assertThat(SigningSettings.read(config(Map.of("thumbler.insecure", "true"))).isInsecure()).isTrue();
    }

    @Test
    void insecureModeAcceptsAnySignatureSegment() {
        SignaturePolicy insecure = SigningSettings.read(config(Map.of("thumbler.insecure", "true")));
        insecure.verify("insecure", "/w:10/plain/local:///a.jpg");
        insecure.verify("_", "/w:10/plain/local:///a.jpg");
    }

    @Test
    void needsOneSaltPerKey() {
        assertThatThrownBy(() -> SigningSettings.read(config(Map.of("thumbler.key", "aa,bb", "thumbler.salt", "cc"))))
                .hasMessage("thumbler.salt (THUMBLER_SALT): 2 key(s) but 1 salt(s) are set; give one salt per key");
    }

    @Test
    void namesTheKeyThatIsNotHex() {
        assertThatThrownBy(() -> SigningSettings.read(config(Map.of("thumbler.key", "xyz", "thumbler.salt", "00"))))
                .hasMessageStartingWith("thumbler.key (THUMBLER_KEY): entry 1: the signing key is not");
    }

    @Test
    void signatureSizeTakesImgproxysRangeAndWarnsBelow16Bytes() {
        String path = "/w:10/plain/local:///a.jpg";
        SigningKey key = SigningKey.fromHex("aa", "bb");
        List<String> warnings = new ArrayList<>();

        SignaturePolicy oneByte = LoggedWarnings.collect(SigningSettings.class, warnings, () -> SigningSettings.read(config(signed("1"))));
        SignaturePolicy sixteen = LoggedWarnings.collect(SigningSettings.class, warnings, () -> SigningSettings.read(config(signed("16"))));

        assertThat(oneByte.signatureFor(path)).isEqualTo(new UrlSigner(List.of(key), 1).sign(path)).hasSize(2);
        assertThat(sixteen.signatureFor(path)).hasSize(22);
        assertThat(warnings).containsExactly("thumbler.signature-size (THUMBLER_SIGNATURE_SIZE) is 1: a signature of 1 byte"
                + " is one of 2^8 values, so a valid one for any path can be found by trying them against the server;"
                + " 16 bytes or more keep that out of reach");
    }

    @Test
    void signatureSizeOutsideOneTo32IsRefusedNamingTheValue() {
        assertThatThrownBy(() -> SigningSettings.read(config(signed("0"))))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("thumbler.signature-size (THUMBLER_SIGNATURE_SIZE): 0 is outside the allowed range 1..32");
        assertThatThrownBy(() -> SigningSettings.read(config(signed("33"))))
                .hasMessage("thumbler.signature-size (THUMBLER_SIGNATURE_SIZE): 33 is outside the allowed range 1..32");
    }

    private static Map<String, String> signed(String signatureSize) {
        return Map.of("thumbler.key", "aa", "thumbler.salt", "bb", "thumbler.signature-size", signatureSize);
    }

    @Test
    void keyAndInsecureTogetherAreAMistake() {
        assertThatThrownBy(() -> SigningSettings.read(config(Map.of("thumbler.key", "aa", "thumbler.salt", "bb", "thumbler.insecure", "true"))))
                .hasMessageStartingWith("thumbler.insecure (THUMBLER_INSECURE)");
    }
}
