/// Why a measurement could not be made (a child that failed, a corpus that did not build), with
/// what to show the user.
struct Failure: Error, CustomStringConvertible {
    let description: String
}
