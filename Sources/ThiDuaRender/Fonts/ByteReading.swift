/// Big-endian reads over a font file's bytes. Out-of-range reads return 0 so a damaged table
/// degrades into a clear "unsupported font" error at the check that follows, not a crash.
extension Array where Element == UInt8 {
    func u8(_ offset: Int) -> UInt8 {
        offset >= 0 && offset < count ? self[offset] : 0
    }

    func u16(_ offset: Int) -> UInt16 {
        UInt16(u8(offset)) << 8 | UInt16(u8(offset + 1))
    }

    func i16(_ offset: Int) -> Int16 {
        Int16(bitPattern: u16(offset))
    }

    func u32(_ offset: Int) -> UInt32 {
        UInt32(u16(offset)) << 16 | UInt32(u16(offset + 2))
    }

    mutating func appendU16(_ value: UInt16) {
        append(UInt8(value >> 8))
        append(UInt8(value & 0xFF))
    }

    mutating func appendU32(_ value: UInt32) {
        appendU16(UInt16(value >> 16))
        appendU16(UInt16(value & 0xFFFF))
    }

    mutating func setU16(_ offset: Int, _ value: UInt16) {
        self[offset] = UInt8(value >> 8)
        self[offset + 1] = UInt8(value & 0xFF)
    }

    mutating func setU32(_ offset: Int, _ value: UInt32) {
        setU16(offset, UInt16(value >> 16))
        setU16(offset + 2, UInt16(value & 0xFFFF))
    }
}
