/// The colours of xterm's 256-entry palette, which 256-colour terminals share: how palette
/// entries and exact colours are matched to the entries a terminal has.
enum XtermPalette {
    /// A colour's red, green and blue, 0-255 each.
    typealias RGB = (red: Int, green: Int, blue: Int)

    /// xterm's default values for the 16 ANSI colours. Terminals let users change these, so
    /// they only serve to pick the nearest ANSI colour; the terminal shows its own.
    static let ansi: [RGB] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255),
        (255, 255, 255),
    ]

    /// The channel values of the 6×6×6 cube (entries 16-231).
    private static let cubeLevels = [0, 95, 135, 175, 215, 255]

    /// The colour of palette entry `index`.
    static func rgb(_ index: UInt8) -> RGB {
        switch index {
        case 0..<16:
            return ansi[Int(index)]
        case 16..<232:
            let n = Int(index) - 16
            return (cubeLevels[n / 36], cubeLevels[n / 6 % 6], cubeLevels[n % 6])
        default:
            let grey = 8 + 10 * (Int(index) - 232)
            return (grey, grey, grey)
        }
    }

    /// The entry in `entries` nearest to `color` (by distance in RGB space), the lowest one on a tie.
    static func nearest(to color: RGB, among entries: ClosedRange<UInt8>) -> UInt8 {
        entries.min { distance(rgb($0), color) < distance(rgb($1), color) }!
    }

    private static func distance(_ a: RGB, _ b: RGB) -> Int {
        let (r, g, b) = (a.red - b.red, a.green - b.green, a.blue - b.blue)
        return r * r + g * g + b * b
    }
}
