/// A pod as the Kubernetes API returns it (`GET /api/v1/namespaces/{ns}/pods`), reduced to the
/// fields meshtop reads; every other field of the API's JSON is ignored when decoding.
public struct Pod: Decodable, Hashable, Sendable {
    /// `metadata`: who the pod is and what created it.
    public var metadata: Metadata
    /// `spec`: the containers and the ports they declare.
    public var spec: Spec
    /// `status`: the phase and the pod's IP.
    public var status: Status

    /// Creates a pod; the API's JSON is the usual source, this is for tests and fakes.
    public init(metadata: Metadata, spec: Spec = Spec(), status: Status = Status()) {
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }

    /// A pod's `metadata`.
    public struct Metadata: Decodable, Hashable, Sendable {
        /// The pod's name, unique in its namespace.
        public var name: String
        /// The pod's namespace.
        public var namespace: String
        /// The pod's labels; the API omits the field when there are none.
        public var labels: [String: String]
        /// What created the pod; the API omits the field for bare pods.
        public var ownerReferences: [OwnerReference]
        /// The version of this object, as a watch resumes from it; opaque, never compared.
        public var resourceVersion: String?

        /// Creates pod metadata.
        public init(name: String, namespace: String, labels: [String: String] = [:],
                    ownerReferences: [OwnerReference] = [], resourceVersion: String? = nil) {
            self.name = name
            self.namespace = namespace
            self.labels = labels
            self.ownerReferences = ownerReferences
            self.resourceVersion = resourceVersion
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            namespace = try container.decode(String.self, forKey: .namespace)
            labels = try container.decodeIfPresent([String: String].self, forKey: .labels) ?? [:]
            ownerReferences = try container.decodeIfPresent([OwnerReference].self, forKey: .ownerReferences) ?? []
            resourceVersion = try container.decodeIfPresent(String.self, forKey: .resourceVersion)
        }

        private enum CodingKeys: String, CodingKey {
            case name, namespace, labels, ownerReferences, resourceVersion
        }
    }

    /// One of `metadata.ownerReferences`: an object this pod belongs to.
    public struct OwnerReference: Decodable, Hashable, Sendable {
        /// The owner's kind as the API spells it: `ReplicaSet`, `StatefulSet`, `Job`, `Node`, …
        public var kind: String
        /// The owner's name, in the pod's namespace.
        public var name: String
        /// Whether this owner is the pod's managing controller (at most one is).
        public var controller: Bool

        /// Creates an owner reference.
        public init(kind: String, name: String, controller: Bool = true) {
            self.kind = kind
            self.name = name
            self.controller = controller
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            kind = try container.decode(String.self, forKey: .kind)
            name = try container.decode(String.self, forKey: .name)
            controller = try container.decodeIfPresent(Bool.self, forKey: .controller) ?? false
        }

        private enum CodingKeys: String, CodingKey {
            case kind, name, controller
        }
    }

    /// A pod's `spec`, its containers only.
    public struct Spec: Decodable, Hashable, Sendable {
        /// `spec.containers`.
        public var containers: [Container]
        /// `spec.initContainers`: since Linkerd 2.15 the proxy may run here as a native sidecar.
        public var initContainers: [Container]

        /// Creates a pod spec.
        public init(containers: [Container] = [], initContainers: [Container] = []) {
            self.containers = containers
            self.initContainers = initContainers
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            containers = try container.decodeIfPresent([Container].self, forKey: .containers) ?? []
            initContainers = try container.decodeIfPresent([Container].self, forKey: .initContainers) ?? []
        }

        private enum CodingKeys: String, CodingKey {
            case containers, initContainers
        }
    }

    /// A container of the pod, with the ports it declares.
    public struct Container: Decodable, Hashable, Sendable {
        /// The container's name: `linkerd-proxy` for Linkerd's proxy.
        public var name: String
        /// The ports it declares; the API omits the field when there are none.
        public var ports: [Port]

        /// Creates a container.
        public init(name: String, ports: [Port] = []) {
            self.name = name
            self.ports = ports
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            ports = try container.decodeIfPresent([Port].self, forKey: .ports) ?? []
        }

        private enum CodingKeys: String, CodingKey {
            case name, ports
        }
    }

    /// A container port: `linkerd-admin` → 4191 on Linkerd's proxy.
    public struct Port: Decodable, Hashable, Sendable {
        /// The port's name, if it has one.
        public var name: String?
        /// The port number in the pod.
        public var containerPort: Int

        /// Creates a container port.
        public init(name: String?, containerPort: Int) {
            self.name = name
            self.containerPort = containerPort
        }
    }

    /// A pod's `status`.
    public struct Status: Decodable, Hashable, Sendable {
        /// `Pending`, `Running`, `Succeeded`, `Failed` or `Unknown`; absent on a pod just created.
        public var phase: String?
        /// The pod's IP once it has one.
        public var podIP: String?

        /// Creates a pod status.
        public init(phase: String? = nil, podIP: String? = nil) {
            self.phase = phase
            self.podIP = podIP
        }
    }
}
