/// A colour as a theme file gives it: the terminal's own, an entry of the terminal's palette
/// (0-15 are the ANSI colours, which have names), or an exact RGB colour.
///
/// The file syntax, which ``description`` writes back: `default`, an ANSI name (`black`, `red`,
/// `green`, `yellow`, `blue`, `magenta`, `cyan`, `white`, or `bright-` before one of those), a
/// palette index `0`-`255` written as a plain number, or `#rrggbb`.
public enum ThemeColor: Hashable, Sendable, CustomStringConvertible {
    /// The terminal's own foreground or background colour.
    case `default`
    /// Entry `n` of the xterm palette: 0-7 the ANSI colours, 8-15 their bright forms, 16-231 a
    /// 6×6×6 colour cube, 232-255 a grey ramp.
    case indexed(UInt8)
    /// An exact colour, shown as the nearest one the terminal has.
    case rgb(red: UInt8, green: UInt8, blue: UInt8)

    /// The names of palette entries 0-15, in order.
    public static let ansiNames = baseNames + baseNames.map { "bright-" + $0 }
    private static let baseNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// Every form a colour may take, for error messages.
    public static let allowedValues = (["default"] + ansiNames + ["0-255", "#rrggbb"]).joined(separator: ", ")

    /// Reads a colour in the file syntax; nil when `text` isn't one. Names and hex digits may be
    /// in any case.
    public init?(_ text: String) {
        let text = text.lowercased()
        if text == "default" {
            self = .default
        } else if let index = Self.ansiNames.firstIndex(of: text) {
            self = .indexed(UInt8(index))
        } else if (1...3).contains(text.count), text.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let index = UInt8(text) {
            self = .indexed(index)
        } else if text.count == 7, text.first == "#", text.dropFirst().allSatisfy({ $0.isASCII && $0.isHexDigit }),
                  let value = UInt32(text.dropFirst(), radix: 16) {
            self = .rgb(red: UInt8(value >> 16), green: UInt8(value >> 8 & 0xFF), blue: UInt8(value & 0xFF))
        } else {
            return nil
        }
    }

    /// The colour in the file syntax: a name for 0-15, a number for the other palette entries.
    public var description: String {
        switch self {
        case .default:
            return "default"
        case .indexed(let index):
            return index < 16 ? Self.ansiNames[Int(index)] : String(index)
        case let .rgb(red, green, blue):
            return "#" + [red, green, blue].map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        }
    }
}
