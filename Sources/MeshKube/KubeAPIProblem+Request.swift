extension KubeAPIProblem {
    /// One request meshtop made to the Kubernetes API: what it asked for, of which server, as whom.
    public struct Request: Hashable, Sendable {
        /// The RBAC verb the request needs.
        public enum Verb: String, Hashable, Sendable {
            case get, list, watch
        }

        /// The RBAC resource the request needs.
        public enum Resource: String, Hashable, Sendable {
            case pods, namespaces
            /// A pod's port reached through the API server's proxy (``PodProxyPath``).
            case podsProxy = "pods/proxy"
        }

        /// The verb.
        public var verb: Verb
        /// The resource.
        public var resource: Resource
        /// The namespace asked about; `nil` for all namespaces, or for `namespaces` themselves.
        public var namespace: String?
        /// The object's name: the pod for `pods/proxy`, the namespace for `get namespaces`.
        public var name: String?
        /// The API server's URL.
        public var server: String
        /// The kubeconfig context's name; `nil` for the in-cluster service account.
        public var context: String?
        /// The context's user entry's name; `nil` for the in-cluster service account.
        public var user: String?
        /// How the user proves who it is, for a hint when that is rejected.
        public var credentials: Credentials

        /// Creates a request description.
        public init(verb: Verb, resource: Resource, namespace: String? = nil, name: String? = nil, server: String,
                    context: String?, user: String?, credentials: Credentials) {
            self.verb = verb
            self.resource = resource
            self.namespace = namespace
            self.name = name
            self.server = server
            self.context = context
            self.user = user
            self.credentials = credentials
        }
    }

    /// How a user entry proves who it is: what to renew when the API server rejects it.
    public enum Credentials: Hashable, Sendable {
        /// An `exec` plugin, this command.
        case exec(command: String)
        /// A token read from this file (the in-cluster service account's is one).
        case tokenFile(String)
        /// A token written in the kubeconfig.
        case token
        /// A client certificate, from this file or (`nil`) embedded as data.
        case clientCertificate(file: String?)
        /// Nothing: the request went out anonymous.
        case none

        /// What `user` presents, in the order meshtop prefers them.
        public init(_ user: KubeconfigUser) {
            if let exec = user.exec {
                self = .exec(command: exec.command)
            } else if let file = user.tokenFile {
                self = .tokenFile(file)
            } else if user.token != nil {
                self = .token
            } else if user.clientCertificate != nil || user.clientCertificateData != nil {
                self = .clientCertificate(file: user.clientCertificate)
            } else {
                self = .none
            }
        }
    }

    /// Why a request got no HTTP answer at all: the transport's failure, as ``FetchError`` in
    /// MeshSources words it, so that MeshKube need not depend on MeshSources.
    public enum Transport: Hashable, Sendable {
        /// Nothing listens at the server's address.
        case refused
        /// No complete answer in time.
        case timeout
        /// The server's host name could not be resolved; carries the host.
        case dns(String)
        /// TLS failed: the server's certificate, the client's, or the handshake; carries the detail.
        case tls(String)
        /// Anything else, with a readable explanation.
        case other(String)
    }
}
