fn main() {
    for d in entente_core::corpus::default_corpus().documents {
        println!("{} | {:?} | {:?} | {:?} | {:?}", d.meta.title, d.meta.title_source, d.meta.published, d.meta.publisher, d.meta.credits);
        for b in &d.blocks { println!("  {:?} {}", b.kind, &d.text[b.span.range()].chars().take(70).collect::<String>()); }
    }
}
