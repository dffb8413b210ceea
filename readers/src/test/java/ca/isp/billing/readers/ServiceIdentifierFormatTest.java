package ca.isp.billing.readers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static ca.isp.billing.readers.TestFiles.ok;
import static ca.isp.billing.readers.TestFiles.readAll;
import static ca.isp.billing.readers.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

class ServiceIdentifierFormatTest {

    @TempDir
    Path dir;

    @Test
    void readsEachKindOfIdentifier() throws IOException {
        Path file = write(dir, "service-identifiers.csv",
                "subscription_id,kind,identifier",
                "S1,USER_NAME,alice@fibre.example",
                "S1,phone,+15145550101",
                "S1,FRAMED_IP,10.1.0.14",
                "S1,FRAMED_IP,2001:db8::14");

        List<Parsed<ServiceIdentifierRow>> all = readAll(file, ServiceIdentifierFormat.INSTANCE);

        assertThat(all).extracting(p -> ok(p)).containsExactly(
                new ServiceIdentifierRow("S1", "USER_NAME", "alice@fibre.example"),
                // the kind is read in any case, stored as spelled in the format
                new ServiceIdentifierRow("S1", "PHONE", "+15145550101"),
                new ServiceIdentifierRow("S1", "FRAMED_IP", "10.1.0.14"),
                new ServiceIdentifierRow("S1", "FRAMED_IP", "2001:db8::14"));
    }

    @Test
    void refusesWhatIsNotAnIdentifierOfItsKind() throws IOException {
        Path file = write(dir, "service-identifiers.csv",
                "subscription_id,kind,identifier",
                "S1,FRAMED_IP,10.1.0.256",
                "S1,FRAMED_IP,alice",
                "S1,MAC,aa:bb:cc:dd:ee:ff",
                "S1,USER_NAME,alice smith");

        List<Parsed<ServiceIdentifierRow>> all = readAll(file, ServiceIdentifierFormat.INSTANCE);

        assertThat(all).allSatisfy(p -> assertThat(p).isInstanceOf(Parsed.Bad.class));
        List<Reject> rejects = all.stream().map(p -> ((Parsed.Bad<ServiceIdentifierRow>) p).reject()).toList();
        assertThat(rejects).extracting(Reject::line, Reject::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, "identifier"), org.assertj.core.groups.Tuple.tuple(3L, "identifier"),
                org.assertj.core.groups.Tuple.tuple(4L, "kind"), org.assertj.core.groups.Tuple.tuple(5L, "identifier"));
        assertThat(rejects.get(0).reason()).isEqualTo("not an IPv4 or IPv6 address: '10.1.0.256'");
        assertThat(rejects.get(1).reason()).isEqualTo("not an IPv4 or IPv6 address: 'alice'");
        assertThat(rejects.get(2).reason()).isEqualTo("not one of USER_NAME, PHONE, FRAMED_IP: 'MAC'");
        assertThat(rejects.get(3).reason()).startsWith("' ' is not allowed");
    }
}
