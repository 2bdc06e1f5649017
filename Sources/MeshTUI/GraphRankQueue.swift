/// The segments ready for a track, best (lowest) rank first: a binary min-heap of ranks.
struct GraphRankQueue {
    private var heap: [Int] = []

    var isEmpty: Bool { heap.isEmpty }

    /// Adds `rank`.
    mutating func push(_ rank: Int) {
        heap.append(rank)
        var child = heap.count - 1
        while child > 0, heap[(child - 1) / 2] > heap[child] {
            heap.swapAt(child, (child - 1) / 2)
            child = (child - 1) / 2
        }
    }

    /// Removes and returns the lowest rank.
    mutating func popLowest() -> Int {
        let lowest = heap[0]
        let last = heap.removeLast()
        guard !heap.isEmpty else { return lowest }
        heap[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < heap.count, heap[left] < heap[smallest] { smallest = left }
            if right < heap.count, heap[right] < heap[smallest] { smallest = right }
            if smallest == parent { return lowest }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
