//! TypeScript as Shiki's grammar colours it, for the statements configuration examples are
//! made of: imports, `export default`, `const` and `let`, functions and interfaces with
//! type annotations, and expressions of names, calls, members, literals, arrays, objects and
//! operators. Classes, arrow functions, template strings, regular expressions, block
//! comments, generics, control flow and names the grammar knows as built-ins are left to
//! giallo.

use super::{Class, Cursor, Line};

/// The lines of a TypeScript program.
pub(super) fn lines(code: &str) -> Option<Vec<Line<'_>>> {
    let tokens = lex(code)?;
    let mut parser = Parser {
        classes: vec![Class::Plain; tokens.len()],
        tokens,
        at: 0,
        line_may_start: false,
    };
    parser.statements(false)?;
    Some(parser.lines(code))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Number,
    String,
    Comment,
    Punctuation,
}

/// A token: its kind, where it is, and whether a line ends between it and the one before.
#[derive(Debug, Clone, Copy)]
struct Token<'a> {
    kind: Kind,
    text: &'a str,
    line: usize,
    start: usize,
    first_on_line: bool,
    /// Whether it is a keyword or a built-in name.
    reserved: bool,
}

/// The length of the operator or punctuation `text` starts with, longest first.
fn operator_length(text: &[u8]) -> Option<usize> {
    match text {
        [b'=', b'=', b'=', ..] | [b'!', b'=', b'=', ..] | [b'.', b'.', b'.', ..] => Some(3),
        [b'=' | b'!' | b'<' | b'>' | b'+' | b'-' | b'*', b'=', ..]
        | [b'&', b'&', ..]
        | [b'|', b'|', ..]
        | [b'?', b'?' | b'.', ..]
        | [b'=', b'>', ..]
        | [b'+', b'+', ..]
        | [b'-', b'-', ..] => Some(2),
        [
            b'{' | b'}' | b'(' | b')' | b'[' | b']' | b';' | b',' | b'.' | b':' | b'?' | b'='
            | b'+' | b'-' | b'*' | b'%' | b'<' | b'>' | b'!' | b'|' | b'&',
            ..,
        ] => Some(1),
        _ => None,
    }
}

/// The tokens of `code`, comments included; `None` at anything these rules leave to giallo.
fn lex(code: &str) -> Option<Vec<Token<'_>>> {
    let mut tokens = Vec::new();
    for (line, text) in code.split('\n').enumerate() {
        let bytes = text.as_bytes();
        let mut at = 0;
        let mut first_on_line = true;
        while at < bytes.len() {
            let byte = bytes[at];
            if byte == b' ' {
                at += 1;
                continue;
            }
            let rest = &text[at..];
            let (kind, len) = if rest.starts_with("//") {
                (Kind::Comment, rest.len())
            } else if byte.is_ascii_alphabetic() || byte == b'_' || byte == b'$' {
                let len = rest
                    .bytes()
                    .position(|b| !(b.is_ascii_alphanumeric() || b == b'_' || b == b'$'))
                    .unwrap_or(rest.len());
                (Kind::Word, len)
            } else if byte.is_ascii_digit() {
                (Kind::Number, number_length(rest)?)
            } else if byte == b'\'' || byte == b'"' {
                let len = rest[1..].find(byte as char)? + 2;
                if rest[..len].contains('\\') {
                    return None;
                }
                (Kind::String, len)
            } else {
                (Kind::Punctuation, operator_length(rest.as_bytes())?)
            };
            let word = &text[at..at + len];
            tokens.push(Token {
                kind,
                text: word,
                line,
                start: at,
                first_on_line,
                reserved: kind == Kind::Word && (is_keyword(word) || is_built_in(word)),
            });
            first_on_line = false;
            at += len;
        }
    }
    Some(tokens)
}

/// The length of a decimal number, whole or with a fraction; `None` for other forms.
fn number_length(text: &str) -> Option<usize> {
    let digits = |text: &str| text.bytes().take_while(u8::is_ascii_digit).count();
    let whole = digits(text);
    let mut len = whole;
    if text[len..].starts_with('.') {
        let fraction = digits(&text[len + 1..]);
        if fraction == 0 {
            return None;
        }
        len += 1 + fraction;
    }
    let next = text.as_bytes().get(len);
    if next.is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_' || *b == b'.') {
        return None;
    }
    Some(len)
}

// The word sets below are `matches!` rather than lists: every word of every block is looked
// up, and a match compares constants of known length.

/// Words that are the language's own, which only the statements here may use.
fn is_keyword(word: &str) -> bool {
    matches!(
        word,
        "abstract"
            | "as"
            | "async"
            | "await"
            | "break"
            | "case"
            | "catch"
            | "class"
            | "const"
            | "continue"
            | "debugger"
            | "declare"
            | "default"
            | "delete"
            | "do"
            | "else"
            | "enum"
            | "export"
            | "extends"
            | "false"
            | "finally"
            | "for"
            | "from"
            | "function"
            | "get"
            | "if"
            | "implements"
            | "import"
            | "in"
            | "infer"
            | "instanceof"
            | "interface"
            | "is"
            | "keyof"
            | "let"
            | "module"
            | "namespace"
            | "new"
            | "null"
            | "of"
            | "package"
            | "private"
            | "protected"
            | "public"
            | "readonly"
            | "require"
            | "return"
            | "satisfies"
            | "set"
            | "static"
            | "super"
            | "switch"
            | "this"
            | "throw"
            | "true"
            | "try"
            | "type"
            | "typeof"
            | "undefined"
            | "unique"
            | "var"
            | "void"
            | "while"
            | "with"
            | "yield"
    )
}

/// Names the grammar colours as constants wherever they stand.
fn is_constant_name(word: &str) -> bool {
    matches!(word, "true" | "false" | "null" | "undefined" | "this")
}

/// Names the grammar knows as built-ins, whose colours these rules do not follow.
fn is_built_in(word: &str) -> bool {
    matches!(
        word,
        "Array"
            | "Atomics"
            | "Boolean"
            | "Date"
            | "Error"
            | "Infinity"
            | "Intl"
            | "JSON"
            | "Map"
            | "Math"
            | "NaN"
            | "Number"
            | "Object"
            | "Promise"
            | "Proxy"
            | "Reflect"
            | "RegExp"
            | "Set"
            | "String"
            | "Symbol"
            | "WebAssembly"
            | "arguments"
            | "console"
            | "document"
            | "eval"
            | "exports"
            | "globalThis"
            | "module"
            | "process"
            | "require"
            | "super"
            | "window"
    )
}

/// Properties the grammar colours as constants.
fn is_constant_property(word: &str) -> bool {
    matches!(word, "length" | "prototype" | "constructor" | "__proto__")
}

/// The type names the grammar colours as constants.
fn is_primitive_type(word: &str) -> bool {
    matches!(
        word,
        "string"
            | "number"
            | "boolean"
            | "any"
            | "void"
            | "never"
            | "unknown"
            | "object"
            | "symbol"
            | "bigint"
            | "null"
            | "undefined"
            | "true"
            | "false"
    )
}

/// Operators between two operands.
fn is_binary(word: &str) -> bool {
    matches!(
        word,
        "==="
            | "!=="
            | "=="
            | "!="
            | "<="
            | ">="
            | "&&"
            | "||"
            | "??"
            | "+"
            | "-"
            | "*"
            | "%"
            | "<"
            | ">"
            | "="
            | "+="
            | "-="
            | "*="
    )
}

/// Whether a name is all capitals (and digits), which the grammar reads as a constant.
fn all_capitals(name: &str) -> bool {
    name.len() > 1
        && name.as_bytes()[0].is_ascii_uppercase()
        && name
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
}

/// A recursive reading of the tokens that gives each its class.
struct Parser<'a> {
    tokens: Vec<Token<'a>>,
    classes: Vec<Class>,
    /// The next token that is not a comment.
    at: usize,
    /// Whether the next token may start a line: only where a statement, a member or an item
    /// starts, or a bracket closes; anywhere else the grammar may read a new line otherwise.
    line_may_start: bool,
}

impl<'a> Parser<'a> {
    /// The next token, skipping comments (which keep their class).
    fn peek(&mut self) -> Option<Token<'a>> {
        while let Some(token) = self.tokens.get(self.at) {
            if token.kind != Kind::Comment {
                return Some(*token);
            }
            self.classes[self.at] = Class::Comment;
            self.at += 1;
        }
        None
    }

    /// The token after the next one, comments skipped.
    fn peek_second(&mut self) -> Option<Token<'a>> {
        self.peek()?;
        self.tokens[self.at + 1..]
            .iter()
            .find(|token| token.kind != Kind::Comment)
            .copied()
    }

    /// The next token when it is on the line of the one before.
    fn next_on_line(&mut self) -> Option<Token<'a>> {
        self.peek().filter(|token| !token.first_on_line)
    }

    fn is(&mut self, text: &str) -> bool {
        self.peek().is_some_and(|token| token.text == text)
    }

    /// Takes the next token as `class`; `None` when it starts a line where none may.
    fn take(&mut self, class: Class) -> Option<Token<'a>> {
        let token = self.peek()?;
        if token.first_on_line && !std::mem::take(&mut self.line_may_start) {
            return None;
        }
        self.line_may_start = false;
        self.classes[self.at] = class;
        self.at += 1;
        Some(token)
    }

    /// Lets the next token start a line.
    fn new_line_here(&mut self) {
        self.line_may_start = true;
    }

    /// Takes the next token as `class` when it is `text`; `None` otherwise.
    fn expect(&mut self, text: &str, class: Class) -> Option<()> {
        (self.take(class)?.text == text).then_some(())
    }

    /// Statements up to the end, or up to a block's `}` when `in_block`.
    fn statements(&mut self, in_block: bool) -> Option<()> {
        loop {
            self.new_line_here();
            match self.peek() {
                None => return (!in_block).then_some(()),
                Some(token) if in_block && token.text == "}" => return Some(()),
                Some(token) if token.text == ";" => {
                    self.take(Class::Plain)?;
                    continue;
                }
                Some(_) => self.statement()?,
            }
            // A statement ends with its line, a `;`, or the block's `}`.
            match self.peek() {
                None => {}
                Some(token) if token.first_on_line && !starts_continuation(token) => {}
                Some(token) if token.text == ";" || in_block && token.text == "}" => {}
                Some(_) => return None,
            }
        }
    }

    fn statement(&mut self) -> Option<()> {
        let token = self.peek()?;
        match token.text {
            // A block, which these rules do not read.
            "{" => None,
            "import" => self.import(),
            "export" => {
                self.take(Class::Keyword)?;
                match self.peek()?.text {
                    "default" => {
                        self.take(Class::Keyword)?;
                        self.expression()
                    }
                    "const" | "let" => self.declaration(),
                    "function" => self.function(),
                    "interface" => self.interface(),
                    _ => None,
                }
            }
            "const" | "let" => self.declaration(),
            "function" => self.function(),
            "interface" => self.interface(),
            "return" => {
                self.take(Class::Keyword)?;
                match self.next_on_line() {
                    Some(next) if next.text != ";" && next.text != "}" => self.expression(),
                    _ => Some(()),
                }
            }
            _ => self.expression(),
        }
    }

    /// `import 'x'`, `import name from 'x'`, `import { a, b as c } from 'x'`.
    fn import(&mut self) -> Option<()> {
        self.take(Class::Keyword)?;
        let next = self.peek()?;
        match next.kind {
            Kind::String => {
                self.take(Class::String)?;
                return Some(());
            }
            Kind::Word if !next.reserved => {
                self.take(Class::Plain)?;
            }
            _ if next.text == "{" => {
                self.take(Class::Plain)?;
                self.separated("}", false, |parser| {
                    parser.name()?;
                    if parser.optional("as", Class::Keyword)? {
                        parser.name()?;
                    }
                    Some(())
                })?;
            }
            _ => return None,
        }
        self.expect("from", Class::Keyword)?;
        (self.take(Class::String)?.kind == Kind::String).then_some(())
    }

    /// A name that is no keyword, in the default colour.
    fn name(&mut self) -> Option<Token<'a>> {
        self.named(Class::Plain)
    }

    /// A name that is no keyword, as `class`.
    fn named(&mut self, class: Class) -> Option<Token<'a>> {
        let token = self.take(class)?;
        (token.kind == Kind::Word && !token.reserved).then_some(token)
    }

    /// Takes the next token as `class` when it is `text`; whether it was.
    fn optional(&mut self, text: &str, class: Class) -> Option<bool> {
        if !self.is(text) {
            return Some(false);
        }
        self.take(class)?;
        Some(true)
    }

    /// `const name = value` (the name a constant) or `let name: type = value`.
    fn declaration(&mut self) -> Option<()> {
        let constant = self.take(Class::Keyword)?.text == "const";
        let name = self.named(if constant {
            Class::Constant
        } else {
            Class::Plain
        })?;
        if !constant && all_capitals(name.text) {
            return None;
        }
        if self.optional(":", Class::Keyword)? {
            self.type_expression()?;
        }
        self.expect("=", Class::Keyword)?;
        self.expression()
    }

    /// `function name(parameters): type { statements }`.
    fn function(&mut self) -> Option<()> {
        self.take(Class::Keyword)?;
        self.named(Class::Function)?;
        self.expect("(", Class::Plain)?;
        self.separated(")", false, |parser| {
            parser.member()?;
            if parser.optional(":", Class::Keyword)? {
                parser.type_expression()?;
            }
            if parser.optional("=", Class::Keyword)? {
                parser.expression()?;
            }
            Some(())
        })?;
        if self.optional(":", Class::Keyword)? {
            self.type_expression()?;
        }
        self.expect("{", Class::Plain)?;
        self.statements(true)?;
        self.new_line_here();
        self.expect("}", Class::Plain)
    }

    /// A parameter's or an interface member's name, and its `?`.
    fn member(&mut self) -> Option<()> {
        let name = self.named(Class::Parameter)?;
        if all_capitals(name.text) {
            return None;
        }
        self.optional("?", Class::Keyword)?;
        Some(())
    }

    /// `interface Name { member?: type; … }`.
    fn interface(&mut self) -> Option<()> {
        self.take(Class::Keyword)?;
        self.named(Class::Function)?;
        self.expect("{", Class::Plain)?;
        self.new_line_here();
        while !self.is("}") {
            self.member()?;
            self.expect(":", Class::Keyword)?;
            self.type_expression()?;
            match self.peek()? {
                token if token.text == ";" || token.text == "," => {
                    self.take(Class::Plain)?;
                }
                token if token.first_on_line || token.text == "}" => {}
                _ => return None,
            }
            self.new_line_here();
        }
        self.expect("}", Class::Plain)
    }

    /// `string | Page[] | 'a' | 1`.
    fn type_expression(&mut self) -> Option<()> {
        loop {
            let token = self.peek()?;
            match token.kind {
                Kind::Word if is_primitive_type(token.text) => {
                    self.take(Class::Constant)?;
                }
                Kind::Word if !token.reserved => {
                    self.take(Class::Function)?;
                }
                Kind::String => {
                    self.take(Class::String)?;
                }
                Kind::Number => {
                    self.take(Class::Constant)?;
                }
                _ => return None,
            }
            while self.is("[") {
                self.take(Class::Plain)?;
                self.expect("]", Class::Plain)?;
            }
            match self.next_on_line() {
                Some(token) if token.text == "|" || token.text == "&" => {
                    self.take(Class::Keyword)?;
                }
                _ => return Some(()),
            }
        }
    }

    /// An expression: operands between operators, and `a ? b : c`.
    fn expression(&mut self) -> Option<()> {
        self.operand()?;
        while let Some(token) = self.next_on_line() {
            if token.text == "?" {
                self.take(Class::Keyword)?;
                self.expression()?;
                self.expect(":", Class::Keyword)?;
                self.operand()?;
            } else if is_binary(token.text) {
                self.take(Class::Keyword)?;
                self.operand()?;
            } else {
                break;
            }
        }
        Some(())
    }

    /// `!a`, `-1`, then a primary and what follows it: `.name`, `(arguments)`, `[index]`.
    fn operand(&mut self) -> Option<()> {
        while self.is("!") || self.is("-") {
            self.take(Class::Keyword)?;
        }
        self.primary()?;
        while let Some(token) = self.next_on_line() {
            match token.text {
                "." => {
                    self.take(Class::Plain)?;
                    self.property()?;
                }
                "(" => {
                    self.take(Class::Plain)?;
                    self.list(")")?;
                }
                "[" => {
                    self.take(Class::Plain)?;
                    self.expression()?;
                    self.expect("]", Class::Plain)?;
                }
                _ => break,
            }
        }
        Some(())
    }

    /// A name after a `.`.
    fn property(&mut self) -> Option<()> {
        let token = self.peek()?;
        if token.kind != Kind::Word || token.first_on_line {
            return None;
        }
        let called = self.peek_second().is_some_and(|next| next.text == "(");
        let class = if called {
            Class::Function
        } else if is_constant_property(token.text) || all_capitals(token.text) {
            Class::Constant
        } else if token.text.as_bytes()[0].is_ascii_uppercase() {
            return None;
        } else {
            Class::Plain
        };
        self.take(class);
        Some(())
    }

    fn primary(&mut self) -> Option<()> {
        let token = self.peek()?;
        match token.kind {
            Kind::Number => {
                self.take(Class::Constant)?;
            }
            Kind::String => {
                self.take(Class::String)?;
            }
            Kind::Word if is_constant_name(token.text) => {
                self.take(Class::Constant)?;
            }
            Kind::Word
                if token.reserved
                    || token.text.as_bytes()[0].is_ascii_uppercase()
                        && !all_capitals(token.text) =>
            {
                return None;
            }
            Kind::Word if all_capitals(token.text) => {
                self.take(Class::Constant)?;
            }
            Kind::Word => {
                let called = self.peek_second().is_some_and(|next| next.text == "(");
                self.take(if called {
                    Class::Function
                } else {
                    Class::Plain
                });
            }
            Kind::Punctuation if token.text == "[" => {
                self.take(Class::Plain)?;
                self.list("]")?;
            }
            Kind::Punctuation if token.text == "{" => self.object()?,
            _ => return None,
        }
        Some(())
    }

    /// Expressions separated by commas, up to `close`, which it takes.
    fn list(&mut self, close: &str) -> Option<()> {
        self.separated(close, true, Self::expression)
    }

    /// Items separated by commas up to `close`, which it takes; with `lines`, each item and
    /// the close may start a line.
    fn separated(
        &mut self,
        close: &str,
        lines: bool,
        mut item: impl FnMut(&mut Self) -> Option<()>,
    ) -> Option<()> {
        loop {
            self.line_may_start = lines;
            if self.is(close) {
                break;
            }
            item(self)?;
            if !self.optional(",", Class::Plain)? {
                break;
            }
        }
        self.line_may_start = lines;
        self.expect(close, Class::Plain)
    }

    /// `{ key: value, 'key': value, shorthand }`.
    fn object(&mut self) -> Option<()> {
        self.take(Class::Plain)?;
        self.separated("}", true, |parser| {
            let key = parser.peek()?;
            let next = parser.peek_second()?;
            match key.kind {
                Kind::Word if next.text == ":" => parser.take(Class::Plain)?,
                Kind::String if next.text == ":" => parser.take(Class::String)?,
                Kind::Word
                    if (next.text == "," || next.text == "}")
                        && !key.reserved
                        && !key.text.as_bytes()[0].is_ascii_uppercase() =>
                {
                    parser.take(Class::Plain)?
                }
                _ => return None,
            };
            if parser.optional(":", Class::Plain)? {
                parser.expression()?;
            }
            Some(())
        })
    }

    /// The lines of `code` with each token's class, the spaces between tokens their own.
    fn lines(&self, code: &'a str) -> Vec<Line<'a>> {
        let mut tokens = self.tokens.iter().zip(&self.classes).peekable();
        code.split('\n')
            .enumerate()
            .map(|(number, text)| {
                let mut cursor = Cursor::new(text);
                while let Some((token, class)) = tokens.next_if(|(token, _)| token.line == number) {
                    cursor.take(token.start - cursor.at, Class::Plain);
                    cursor.take(token.text.len(), *class);
                }
                cursor.done()
            })
            .collect()
    }
}

/// Whether a line starting with `token` could go on with the statement of the line before,
/// which the grammar may read otherwise than these rules.
fn starts_continuation(token: Token<'_>) -> bool {
    token.kind == Kind::Punctuation && !matches!(token.text, "{" | "}" | ";")
}
