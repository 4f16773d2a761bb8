# gilvm-only
# The match statement is outside gilvm's subset and is refused.
command = "go"
match command:
    case "go":
        print("going")
    case _:
        print("unknown")
# error: SyntaxError: 'match' statements are not supported by gilvm
