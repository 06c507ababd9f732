package org.airindex.io.influx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * What an https connection to InfluxDB trusts when the server's certificate is not signed by a public
 * authority: exactly the certificates of a PEM file (a private CA, or the server's own self-signed one).
 */
public record Tls(SSLContext context, X509TrustManager trustManager) {

    /** Trusts the certificates in {@code pem} and nothing else. */
    public static Tls trusting(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("influx.truststore: no certificate in " + pem);
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate c : certificates) {
                store.setCertificateEntry("trusted-" + i++, c);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            X509TrustManager manager = null;
            for (TrustManager m : factory.getTrustManagers()) {
                if (m instanceof X509TrustManager x) {
                    manager = x;
                }
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {manager}, null);
            return new Tls(context, manager);
        } catch (IOException e) {
            throw new UncheckedIOException("influx.truststore: cannot read " + pem, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("influx.truststore: " + pem + " holds no usable certificate: " + e.getMessage(), e);
        }
    }
}
