/// gRPC status codes by name, as `linkerd viz tap` prints them (Go's `codes.Code`).
public enum TapGRPCStatus {
    /// `OK`, `Unavailable`, …; `Code(17)` for a code gRPC does not define.
    public static func name(_ code: UInt32) -> String {
        code < UInt32(names.count) ? names[Int(code)] : "Code(\(code))"
    }

    /// Whether `linkerd viz top` counts a response with this status as failed: Unknown,
    /// DeadlineExceeded, Internal, Unavailable and DataLoss. (The proxy's own classifier
    /// also counts PermissionDenied; top does not.)
    public static func isFailure(_ code: UInt32) -> Bool {
        [2, 4, 13, 14, 15].contains(code)
    }

    private static let names = [
        "OK", "Canceled", "Unknown", "InvalidArgument", "DeadlineExceeded", "NotFound", "AlreadyExists",
        "PermissionDenied", "ResourceExhausted", "FailedPrecondition", "Aborted", "OutOfRange", "Unimplemented",
        "Internal", "Unavailable", "DataLoss", "Unauthenticated",
    ]
}
