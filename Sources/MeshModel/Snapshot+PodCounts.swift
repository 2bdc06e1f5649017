extension Snapshot {
    /// Sets each workload's MESHED column from discovery's pod counts; a workload discovery
    /// doesn't count keeps what the scrapes saw (its scraped pods, all meshed).
    public mutating func countPods(_ counts: [WorkloadRef: PodMeshedCount]) {
        for index in workloads.indices {
            guard let count = counts[workloads[index].workload] else { continue }
            workloads[index].meshedPods = count.meshed
            workloads[index].totalPods = count.total
        }
    }
}
