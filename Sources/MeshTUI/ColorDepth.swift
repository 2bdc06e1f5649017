/// How many colours a terminal can show, from ncurses' `COLORS`: what theme colours are
/// degraded to.
public enum ColorDepth: Hashable, Sendable {
    /// The 8 ANSI colours.
    case eight
    /// The ANSI colours and their bright forms.
    case sixteen
    /// The xterm palette: the 16 ANSI colours, a 6×6×6 cube and a grey ramp.
    case palette256
    /// Any RGB colour (a `*-direct` terminfo entry). Colour numbers 0-7 are still the ANSI
    /// colours there; larger ones are `0xRRGGBB`.
    case direct

    /// The depth of a terminal with `colors` colours; nil for fewer than 8 (no colours).
    public init?(colors: Int) {
        switch colors {
        case 0x100_0000...: self = .direct
        case 256...: self = .palette256
        case 16...: self = .sixteen
        case 8...: self = .eight
        default: return nil
        }
    }
}

extension ThemeColor {
    /// This colour as the nearest one a terminal of `depth` has: on 256 colours an RGB colour
    /// becomes the nearest cube or grey entry; on 16 any colour becomes the nearest ANSI
    /// colour (by xterm's values); on 8 the bright forms become their base colours; a direct
    /// terminal shows RGB as it is and palette entries above 7 by their xterm RGB values.
    /// `default` stays.
    public func degraded(to depth: ColorDepth) -> ThemeColor {
        switch (self, depth) {
        case (.default, _), (.indexed, .palette256), (.rgb, .direct), (.indexed(0..<8), .direct),
             (.indexed(0..<16), .sixteen):
            return self
        case (.indexed(let index), .direct):
            let (red, green, blue) = XtermPalette.rgb(index)
            return .rgb(red: UInt8(red), green: UInt8(green), blue: UInt8(blue))
        case let (.rgb(red, green, blue), .palette256):
            return .indexed(XtermPalette.nearest(to: (Int(red), Int(green), Int(blue)), among: 16...255))
        case (.indexed(let index), .sixteen):
            return .indexed(XtermPalette.nearest(to: XtermPalette.rgb(index), among: 0...15))
        case let (.rgb(red, green, blue), .sixteen):
            return .indexed(XtermPalette.nearest(to: (Int(red), Int(green), Int(blue)), among: 0...15))
        case (_, .eight):
            guard case .indexed(let index) = degraded(to: .sixteen) else { return self }
            return .indexed(index % 8)
        }
    }

    /// The ncurses colour number of this colour on a terminal of `depth`: -1 for `default`.
    /// On a direct terminal an RGB colour below `#000100` gets a green of 1, so that it is
    /// never read as a palette entry.
    public func number(on depth: ColorDepth) -> Int32 {
        switch degraded(to: depth) {
        case .default:
            return -1
        case .indexed(let index):
            return Int32(index)
        case let .rgb(red, green, blue):
            let value = Int32(red) << 16 | Int32(green) << 8 | Int32(blue)
            return value < 0x100 ? value | 0x100 : value
        }
    }
}
