import Crypto
import Foundation
import SwiftASN1
import X509

/// The certificates of one run of the demo API server, made fresh at start: a CA, the server's
/// certificate for `127.0.0.1` and `localhost`, and an admin client certificate
/// (CN `meshtop-demo-admin`, O `system:masters`, as kubeadm's admin user). All keys are P-256,
/// which libcurl (OpenSSL) and Go's kubectl both accept. Everything is PEM.
public struct DemoKubeCertificates: Sendable {
    /// The CA certificate: what the kubeconfig's `certificate-authority-data` holds.
    public let caPEM: String
    /// The server's certificate, signed by the CA.
    public let serverCertificatePEM: String
    /// The server's private key (PKCS #8).
    public let serverKeyPEM: String
    /// The client certificate, signed by the CA.
    public let clientCertificatePEM: String
    /// The client's private key (PKCS #8).
    public let clientKeyPEM: String

    /// The client certificate's subject common name: the user name the server knows it by.
    public static let clientCommonName = "meshtop-demo-admin"
    /// The client certificate's organization: the group that may do anything.
    public static let clientOrganization = "system:masters"

    /// Makes a new CA and certificates valid from an hour before `now` (for clock skew) to 30
    /// days after it.
    public static func generate(now: Date = Date()) throws -> DemoKubeCertificates {
        let validity = (now.addingTimeInterval(-3_600), now.addingTimeInterval(30 * 86_400))
        let caKey = P256.Signing.PrivateKey()
        let caName = try DistinguishedName { CommonName("meshtop-demo-ca") }
        let caPublic = Certificate.PublicKey(caKey.publicKey)
        let ca = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: caPublic,
            notValidBefore: validity.0, notValidAfter: validity.1, issuer: caName, subject: caName,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                SubjectKeyIdentifier(hash: caPublic)
            },
            issuerPrivateKey: Certificate.PrivateKey(caKey))
        let authority = AuthorityKeyIdentifier(keyIdentifier: SubjectKeyIdentifier(hash: caPublic).keyIdentifier)

        func leaf(_ subject: DistinguishedName, usage: ExtendedKeyUsage.Usage,
                  names: SubjectAlternativeNames?) throws -> (certificate: String, key: String) {
            let key = P256.Signing.PrivateKey()
            let certificate = try Certificate(
                version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: Certificate.PublicKey(key.publicKey),
                notValidBefore: validity.0, notValidAfter: validity.1, issuer: caName, subject: subject,
                signatureAlgorithm: .ecdsaWithSHA256,
                extensions: try Certificate.Extensions {
                    Critical(BasicConstraints.notCertificateAuthority)
                    Critical(KeyUsage(digitalSignature: true))
                    try ExtendedKeyUsage([usage])
                    authority
                    if let names { names }
                },
                issuerPrivateKey: Certificate.PrivateKey(caKey))
            return (try certificate.serializeAsPEM().pemString + "\n", key.pemRepresentation + "\n")
        }

        let server = try leaf(try DistinguishedName { CommonName("meshtop-demo-apiserver") }, usage: .serverAuth,
                              names: SubjectAlternativeNames([
                                  .dnsName("localhost"), .ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1])),
                              ]))
        let client = try leaf(try DistinguishedName {
            OrganizationName(clientOrganization)
            CommonName(clientCommonName)
        }, usage: .clientAuth, names: nil)
        return DemoKubeCertificates(caPEM: try ca.serializeAsPEM().pemString + "\n",
                                    serverCertificatePEM: server.certificate, serverKeyPEM: server.key,
                                    clientCertificatePEM: client.certificate, clientKeyPEM: client.key)
    }

    /// The subject's common name and organizations of a DER certificate the TLS layer has already
    /// verified against the CA: who a client certificate says its holder is.
    static func subject(der: [UInt8]) -> (commonName: String, organizations: [String])? {
        guard let certificate = try? Certificate(derEncoded: der) else { return nil }
        var commonName: String?
        var organizations: [String] = []
        for attribute in certificate.subject.flatMap({ $0 }) {
            if attribute.type == .RDNAttributeType.commonName { commonName = String(attribute.value) }
            if attribute.type == .RDNAttributeType.organizationName, let name = String(attribute.value) {
                organizations.append(name)
            }
        }
        return commonName.map { ($0, organizations) }
    }
}
