/// A whole HTTP/1.1 response as text, for the answers written below Hummingbird (a timeout, a
/// refused connection): short, plain text, and always the last on its connection.
enum PlainResponse {
    static func bytes(status: String, text: String, extraHeaders: [String] = []) -> String {
        let headers = ["Connection: close", "Content-Type: text/plain; charset=utf-8", "Content-Length: \(text.utf8.count)"] + extraHeaders
        return "HTTP/1.1 \(status)\r\n" + headers.map { $0 + "\r\n" }.joined() + "\r\n" + text
    }
}
