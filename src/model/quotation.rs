//! Direct quotations and who said them: a [`Quotation`] is a claim that an entity
//! said the quoted words, with the cue the attribution was read from and the
//! rule ([`Attribution`]) that read it. Found by [`crate::recognize::quotes`].

use serde::Serialize;

use super::Span;

/// One direct quotation of a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quotation {
    /// The quoted words with their marks. A quotation running over several
    /// paragraphs (each opening with a mark, none closed but the last) is one
    /// quotation from its first mark to its end.
    pub span: Span,
    /// Index into [`super::DocAnalysis::entities`] of the speaker, when known.
    pub speaker: Option<usize>,
    /// Where the text names the speaker for this quotation: a name, a pronoun
    /// or a role noun ("he", "the minister"); the name's mention for an
    /// attribution carried over from an earlier quotation.
    pub cue: Option<Span>,
    /// The rule that found the speaker (`None`: none did).
    pub rule: Option<Attribution>,
}

/// How a quotation's speaker was found; serialised as its documented name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Attribution {
    /// A name with a speech verb after the quotation: `"...," X said`,
    /// `"...," said X`, `"...," X, a doctor, said`, `"...," according to X`.
    After,
    /// A name with a speech verb before the quotation in its sentence:
    /// `X said: "..."`, `X called the plan "a mistake"`, `according to X, "..."`.
    Before,
    /// A pronoun ("he said") resolved to the nearest person named before it.
    Pronoun,
    /// A role noun ("the minister said") resolved to the nearest person before
    /// it whose role has that word.
    RoleNoun,
    /// A later part of a quotation split around its attribution, or an
    /// unattributed quotation right after an attributed one: the same speaker.
    Continued,
}

impl Attribution {
    /// The documented name.
    pub fn as_str(self) -> &'static str {
        match self {
            Attribution::After => "after",
            Attribution::Before => "before",
            Attribution::Pronoun => "pronoun",
            Attribution::RoleNoun => "role-noun",
            Attribution::Continued => "continued",
        }
    }
}

/// The quoted words of a span, without the marks around them.
pub fn unquoted(s: &str) -> &str {
    const MARKS: [char; 5] = ['"', '\u{201c}', '\u{201d}', '\u{2018}', '\u{2019}'];
    let s = s.strip_prefix(MARKS).unwrap_or(s);
    s.strip_suffix(MARKS).unwrap_or(s).trim()
}
