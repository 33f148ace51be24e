package io.thumbler.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPolicyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "127.0.0.1        | loopback",
        "127.255.0.9      | loopback",
        "::1              | loopback",
        "10.0.0.1         | a private or carrier-grade NAT address",
        "172.16.0.1       | a private or carrier-grade NAT address",
        "172.31.255.255   | a private or carrier-grade NAT address",
        "192.168.1.1      | a private or carrier-grade NAT address",
        "100.64.0.1       | a private or carrier-grade NAT address",
        "100.127.255.254  | a private or carrier-grade NAT address",
        "198.18.0.1       | a private or carrier-grade NAT address",
        "192.0.0.8        | a private or carrier-grade NAT address",
        "fc00::1          | a private (unique local or site-local) address",
        "fd12:3456::1     | a private (unique local or site-local) address",
        "fec0::1          | a private (unique local or site-local) address",
        "169.254.1.1      | link-local",
        "fe80::1          | link-local",
        "169.254.169.254  | the cloud metadata address",
        "fd00:ec2::254    | the cloud metadata address",
        "0.0.0.0          | in 0.0.0.0/8 (this network)",
        "0.1.2.3          | in 0.0.0.0/8 (this network)",
        "224.0.0.1        | multicast",
        "239.255.255.250  | multicast",
        "ff02::1          | multicast",
        "240.0.0.1        | reserved (240.0.0.0/4 or broadcast)",
        "255.255.255.255  | reserved (240.0.0.0/4 or broadcast)",
        ":: | the unspecified address",
        "::7f00:1         | an IPv4-compatible IPv6 address",
        "64:ff9b::a9fe:a9fe | a NAT64 address (64:ff9b::/96)"})
    void strictRefusesEveryNonPublicRange(String address, String reason) throws UnknownHostException {
        assertThat(AddressPolicy.STRICT.refusal(InetAddress.getByName(address))).hasValue(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "172.15.255.255", "2606:4700::1111",
        "169.253.1.1", "198.20.0.1"})
    void publicAddressesPass(String address) throws UnknownHostException {
        assertThat(AddressPolicy.STRICT.refusal(InetAddress.getByName(address))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "127.0.0.1 | true  | false | false",
        "::1       | true  | false | false",
        "10.0.0.1  | false | true  | false",
        "fd00::1   | false | true  | false",
        "169.254.9.9 | false | false | true",
        "fe80::9   | false | false | true"})
    void eachKindOpensOnlyWithItsFlag(String address, boolean loopback, boolean privateRanges, boolean linkLocal)
            throws UnknownHostException {
        InetAddress a = InetAddress.getByName(address);
        assertThat(new AddressPolicy(loopback, privateRanges, linkLocal).refusal(a)).isEmpty();
        assertThat(AddressPolicy.STRICT.refusal(a)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"169.254.169.254", "fd00:ec2::254", "::ffff:169.254.169.254", "0.0.0.0", "224.0.0.1"})
    void metadataAndUnroutableAddressesStayRefusedWithEveryFlag(String address) throws UnknownHostException {
        assertThat(new AddressPolicy(true, true, true).refusal(InetAddress.getByName(address))).isPresent();
    }
}
