/// The file systems whose locks cannot be trusted between machines, by the `statfs` magic
/// number Linux reports (`f_type`, see statfs(2)) or the type name macOS reports.
enum VolumeKinds {
    static let networkMagics: [(magic: UInt64, name: String)] = [
        (0x6969, "NFS"),
        (0x517B, "SMB"),
        (0xFE53_4D42, "SMB2"),
        (0xFF53_4D42, "CIFS"),
        (0x0102_1997, "9P"),
        (0x6573_5546, "FUSE"),  // sshfs and other FUSE mounts: locks stay on one machine
        (0x5346_414F, "AFS"),
        (0x0BD0_0BD0, "Lustre"),
    ]

    static func kind(magic: UInt64) -> VolumeKind {
        networkMagics.first { $0.magic == magic }.map { .network($0.name) } ?? .local
    }

    static func kind(named name: String) -> VolumeKind {
        ["nfs", "smbfs", "cifs", "afpfs", "webdav", "osxfuse", "macfuse"].contains(name.lowercased())
            ? .network(name.uppercased()) : .local
    }
}
