use leptos::prelude::*;

/// Generated plain text laid out as a document: paragraphs separated by blank lines, `- ` lines as a
/// list, a first one-line paragraph as the title, and later one-line paragraphs without closing
/// punctuation ("Suggested measures") as section headings. Always rendered as text, never as markup.
#[component]
pub fn PrintableText(text: String) -> impl IntoView {
    let mut blocks = text.split("\n\n").map(str::trim).filter(|b| !b.is_empty());
    let title = blocks.next().map(|first| {
        if first.lines().count() == 1 {
            view! { <h1 class="doc-title">{first.to_string()}</h1> }.into_any()
        } else {
            view! { <p>{first.to_string()}</p> }.into_any()
        }
    });
    let rest = blocks
        .map(|block| {
            let lines: Vec<&str> = block.lines().collect();
            if lines.iter().all(|l| l.starts_with("- ")) {
                view! { <ul>{lines.into_iter().map(|l| view! { <li>{l[2..].to_string()}</li> }).collect_view()}</ul> }.into_any()
            } else if lines.len() > 1 && lines[1..].iter().all(|l| l.starts_with("- ")) {
                let items = lines[1..].iter().map(|l| view! { <li>{l[2..].to_string()}</li> }).collect_view();
                let lead = lines[0].to_string();
                if is_title(&lead) {
                    view! { <h2 class="doc-section">{lead}</h2><ul>{items}</ul> }.into_any()
                } else {
                    view! { <p class="list-lead">{lead}</p><ul>{items}</ul> }.into_any()
                }
            } else if lines.len() == 1 && is_title(block) {
                view! { <h2 class="doc-section">{block.to_string()}</h2> }.into_any()
            } else {
                view! { <p>{block.to_string()}</p> }.into_any()
            }
        })
        .collect_view();
    view! { <div class="printable-text">{title}{rest}</div> }
}

/// A line without closing punctuation reads as a title ("Suggested measures").
fn is_title(line: &str) -> bool {
    !line.ends_with(['.', ':', '!', '?', ')'])
}
