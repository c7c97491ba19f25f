#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which `Host` a request may name: the defence against DNS rebinding, where a web page on
/// `evil.example` makes its own name resolve to 127.0.0.1, so that the browser lets the page
/// read the preview (drafts included) as if it were its own site. Such a request still says
/// `Host: evil.example`, so refusing names that are not ours stops it. A pure value, so every
/// case is tested without a socket.
///
/// The rule:
/// - Always accepted: `127.0.0.1`, `localhost` and `[::1]`, and the `--host` given (a name or
///   an address, compared case-insensitively, IP addresses by value).
/// - Listening on one address: the port must be the one the connection arrived on (no port
///   means 80).
/// - Listening on every interface (`0.0.0.0`, `::`): any IP literal, `localhost` or this
///   machine's name (`gethostname`), with any port, since a container or proxy may map the
///   port. An IP literal cannot be rebound; other names (a LAN DNS name) are refused.
/// - HTTP/1.1: exactly one `Host`, or 400. HTTP/1.0 may omit it (it predates Host; browsers
///   always send one), but two are still a 400.
/// - An absolute-form target (`GET http://name/ HTTP/1.1`) names the host instead of `Host`
///   (RFC 9112, 3.2.2): it must pass the same rule.
struct HostRule: Sendable, Equatable {
    enum Verdict: Equatable, Sendable {
        case accepted
        /// 400: no Host where one is required, more than one, or one that does not parse.
        case badRequest(String)
        /// 421: a well-formed Host that is not this server.
        case misdirected
    }

    let allInterfaces: Bool
    /// Canonical forms (lower-cased names, IP addresses as inet_ntop writes them) besides the
    /// loopback ones.
    let names: Set<String>

    static let loopbackNames: Set<String> = ["127.0.0.1", "localhost", "::1"]

    init(listenHost: String, machineName: String? = HostRule.machineName()) {
        let listen = Self.canonical(Self.unbracketed(listenHost))
        allInterfaces = listen == "0.0.0.0" || listen == "::"
        var names = Self.loopbackNames
        if !allInterfaces { names.insert(listen) }
        if allInterfaces, let machineName, !machineName.isEmpty { names.insert(machineName.lowercased()) }
        self.names = names
    }

    /// `hostValues`: every Host header, in order. `localPort`: the port the connection arrived
    /// on. `target`: the request target as sent.
    func verdict(hostValues: [String], isHTTP11: Bool, localPort: Int?, target: String = "/") -> Verdict {
        if hostValues.count > 1 { return .badRequest("more than one Host header") }
        if hostValues.isEmpty && isHTTP11 { return .badRequest("no Host header") }
        var authorities = hostValues
        if let authority = Self.absoluteFormAuthority(target) { authorities.append(authority) }
        for authority in authorities {
            guard let (host, port) = Self.parse(authority) else { return .badRequest("malformed Host") }
            if !accepts(host: host, port: port, localPort: localPort) { return .misdirected }
        }
        return .accepted
    }

    private func accepts(host: String, port: Int?, localPort: Int?) -> Bool {
        if allInterfaces {
            return names.contains(host) || Self.isIPLiteral(host)
        }
        return names.contains(host) && (port ?? 80) == localPort
    }

    /// `host[:port]` → canonical host and port; nil when it does not parse. IPv6 must be in
    /// brackets; a port is 1–5 digits up to 65535 (an empty one means the default).
    static func parse(_ authority: String) -> (host: String, port: Int?)? {
        var rest = Substring(authority)
        let host: String
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { return nil }
            let inside = String(rest[rest.index(after: rest.startIndex)..<close])
            guard address(inside, family: AF_INET6) != nil else { return nil }
            host = canonical(inside)
            rest = rest[rest.index(after: close)...]
        } else {
            let end = rest.firstIndex(of: ":") ?? rest.endIndex
            let name = rest[..<end]
            guard !name.isEmpty, name.utf8.allSatisfy(isNameByte) else { return nil }
            host = canonical(String(name))
            rest = rest[end...]
        }
        guard !rest.isEmpty else { return (host, nil) }
        guard rest.first == ":" else { return nil }
        let digits = rest.dropFirst()
        if digits.isEmpty { return (host, nil) }
        guard digits.count <= 5, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let port = Int(digits), port <= 65535 else { return nil }
        return (host, port)
    }

    /// The authority of `http://authority/path`; nil for an origin-form target (`/path`).
    static func absoluteFormAuthority(_ target: String) -> String? {
        guard !target.hasPrefix("/"), let schemeEnd = target.range(of: "://") else { return nil }
        let afterScheme = target[schemeEnd.upperBound...]
        let end = afterScheme.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? afterScheme.endIndex
        return String(afterScheme[..<end])
    }

    /// Letters, digits, `-` and `.`: what a DNS name or an IPv4 address is made of.
    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x2E
    }

    static func isIPLiteral(_ host: String) -> Bool {
        address(host, family: AF_INET) != nil || address(host, family: AF_INET6) != nil
    }

    /// IP addresses as inet_ntop writes them (so `0:0::1` is `::1`), names lower-cased.
    static func canonical(_ host: String) -> String {
        for family in [AF_INET, AF_INET6] {
            if let bytes = address(host, family: family) {
                var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
                guard bytes.withUnsafeBytes({ inet_ntop(family, $0.baseAddress, &text, socklen_t(text.count)) }) != nil else { break }
                return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
        }
        return host.lowercased()
    }

    private static func address(_ text: String, family: Int32) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: 16)
        let parsed = bytes.withUnsafeMutableBytes { inet_pton(family, text, $0.baseAddress) }
        return parsed == 1 ? bytes : nil
    }

    private static func unbracketed(_ host: String) -> String {
        host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    }

    static func machineName() -> String? {
        var name = [CChar](repeating: 0, count: 256)
        guard gethostname(&name, name.count) == 0 else { return nil }
        return String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
