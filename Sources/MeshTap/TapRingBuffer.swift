/// The last `capacity` elements appended, oldest first: a full buffer drops its oldest
/// element for a new one and counts it. For the Tap view's recent requests, and the Top
/// window's samples.
public struct TapRingBuffer<Element>: RandomAccessCollection {
    /// The most elements kept.
    public let capacity: Int
    /// Elements dropped to make room, since the start.
    public private(set) var dropped = 0
    /// Slots, at most `capacity`; the elements are `count` slots from `head`, wrapping.
    private var slots: [Element] = []
    private var head = 0
    public private(set) var count = 0

    /// An empty buffer for up to `capacity` elements (at least 1).
    public init(capacity: Int) {
        precondition(capacity > 0, "a ring buffer holds at least one element")
        self.capacity = capacity
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    /// The `position`th oldest element.
    public subscript(position: Int) -> Element {
        precondition(position >= 0 && position < count, "ring buffer index out of range")
        return slots[(head + position) % slots.count]
    }

    /// Appends `element`, dropping the oldest when full.
    public mutating func append(_ element: Element) {
        if count < slots.count {
            slots[(head + count) % slots.count] = element
            count += 1
        } else if slots.count < capacity {
            if head != 0 {
                slots = Array(self)
                head = 0
            }
            slots.append(element)
            count += 1
        } else {
            slots[head] = element
            head = (head + 1) % slots.count
            dropped += 1
        }
    }

    /// Removes the oldest elements while `shouldRemove` holds for them (not counted as dropped).
    public mutating func removeOldest(while shouldRemove: (Element) -> Bool) {
        while count > 0 && shouldRemove(slots[head]) {
            head = (head + 1) % slots.count
            count -= 1
        }
    }
}

extension TapRingBuffer: Sendable where Element: Sendable {}
