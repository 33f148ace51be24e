package io.thumbler.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.thumbler.config.ConfigReader;
import io.thumbler.config.InvalidConfigurationException;

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
    void keyAndInsecureTogetherAreAMistake() {
        assertThatThrownBy(() -> SigningSettings.read(config(Map.of("thumbler.key", "aa", "thumbler.salt", "bb", "thumbler.insecure", "true"))))
                .hasMessageStartingWith("thumbler.insecure (THUMBLER_INSECURE)");
    }
}
