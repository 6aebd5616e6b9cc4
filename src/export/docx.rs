//! DOCX export: A4, named styles (Title, Heading 1 and 2, Normal, List Number,
//! List Bullet, Quote), a header with the authority (and logo), a footer with
//! the reference and "Page X of Y", and document properties that hold the
//! reference and never the requester.

use std::io::{Cursor, Read, Write};

use docx_rs::{
    AbstractNumbering, AlignmentType, Docx, Footer, Header, IndentLevel, Level, LevelJc, LevelText,
    LineSpacing, NumPages, NumberFormat, Numbering, NumberingId, PageMargin, PageNum, Paragraph,
    Pic, Run, RunFonts, SpecialIndentType, Start, Style, StyleType, Table, TableCell, TableRow,
    WidthType,
};

use super::ExportError;
use crate::core::document::{BlockKind, Document, ParagraphStyle, Span, sanitise};

const FONT: &str = "Arial";
const QUESTION_NUMBERING: usize = 1;
const BULLET_NUMBERING: usize = 2;

/// Font sizes in half-points.
const BODY_SIZE: usize = 22;

fn styles(docx: Docx) -> Docx {
    let heading = |id: &str, name: &str, size: usize, before: u32| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .bold()
            .size(size)
            .color("1F3864")
            .line_spacing(LineSpacing::new().before(before).after(120))
    };
    docx.add_style(
        Style::new("Title", StyleType::Paragraph)
            .name("Title")
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .bold()
            .size(32)
            .color("1F3864")
            .line_spacing(LineSpacing::new().before(240).after(240)),
    )
    .add_style(heading("Heading1", "heading 1", 28, 360).outline_lvl(0))
    .add_style(heading("Heading2", "heading 2", 24, 240).outline_lvl(1))
    .add_style(
        Style::new("Quote", StyleType::Paragraph)
            .name("Quote")
            .based_on("Normal")
            .q_format(true)
            .italic()
            .color("404040")
            .indent(Some(567), None, Some(567), None),
    )
    .add_style(
        Style::new("ListNumber", StyleType::Paragraph)
            .name("List Number")
            .based_on("Normal")
            .line_spacing(LineSpacing::new().after(60)),
    )
    .add_style(
        Style::new("ListBullet", StyleType::Paragraph)
            .name("List Bullet")
            .based_on("Normal")
            .line_spacing(LineSpacing::new().after(60)),
    )
    .add_style(
        Style::new("Address", StyleType::Paragraph)
            .name("Address")
            .based_on("Normal")
            .line_spacing(LineSpacing::new().after(0)),
    )
    .add_style(
        Style::new("Header", StyleType::Paragraph)
            .name("header")
            .based_on("Normal")
            .size(18),
    )
    .add_style(
        Style::new("Footer", StyleType::Paragraph)
            .name("footer")
            .based_on("Normal")
            .size(18),
    )
}

fn numberings(docx: Docx) -> Docx {
    docx.add_abstract_numbering(
        AbstractNumbering::new(QUESTION_NUMBERING).add_level(
            Level::new(
                0,
                Start::new(1),
                NumberFormat::new("decimal"),
                LevelText::new("%1."),
                LevelJc::new("left"),
            )
            .indent(Some(567), Some(SpecialIndentType::Hanging(425)), None, None),
        ),
    )
    .add_numbering(Numbering::new(QUESTION_NUMBERING, QUESTION_NUMBERING))
    .add_abstract_numbering(
        AbstractNumbering::new(BULLET_NUMBERING).add_level(
            Level::new(
                0,
                Start::new(1),
                NumberFormat::new("bullet"),
                LevelText::new("•"),
                LevelJc::new("left"),
            )
            .indent(Some(567), Some(SpecialIndentType::Hanging(283)), None, None),
        ),
    )
    .add_numbering(Numbering::new(BULLET_NUMBERING, BULLET_NUMBERING))
}

fn run(span: &Span) -> Run {
    let mut run = Run::new().add_text(sanitise(&span.text));
    if span.bold {
        run = run.bold();
    }
    if span.italic {
        run = run.italic();
    }
    run
}

fn paragraph(spans: &[Span]) -> Paragraph {
    spans
        .iter()
        .fold(Paragraph::new(), |p, span| p.add_run(run(span)))
}

fn table(header: &[String], rows: &[Vec<String>]) -> Table {
    let columns = header.len().max(1);
    let width = 9000 / columns;
    let cell = |text: &str, bold: bool| {
        let mut run = Run::new().add_text(sanitise(text));
        if bold {
            run = run.bold();
        }
        TableCell::new()
            .width(width, WidthType::Dxa)
            .add_paragraph(Paragraph::new().add_run(run))
    };
    let mut table_rows = vec![TableRow::new(
        header.iter().map(|h| cell(h, true)).collect(),
    )];
    for row in rows {
        let mut cells: Vec<TableCell> = row.iter().take(columns).map(|c| cell(c, false)).collect();
        while cells.len() < columns {
            cells.push(cell("", false));
        }
        table_rows.push(TableRow::new(cells));
    }
    Table::new(table_rows).set_grid(vec![width; columns])
}

/// A logo checked and converted to PNG, with its display size in pixels.
fn logo_picture(bytes: &[u8]) -> Result<Pic, ExportError> {
    let image = image::load_from_memory(bytes).map_err(|e| ExportError::Logo(e.to_string()))?;
    let (width, height) = (image.width().max(1), image.height().max(1));
    let mut png = Cursor::new(Vec::new());
    image
        .write_to(&mut png, image::ImageFormat::Png)
        .map_err(|e| ExportError::Logo(e.to_string()))?;
    // At most 60 px tall in the header, keeping the aspect ratio.
    let display_height = height.min(60);
    let display_width = (u64::from(width) * u64::from(display_height) / u64::from(height)) as u32;
    const EMU_PER_PIXEL: u32 = 9525;
    Ok(
        Pic::new_with_dimensions(png.into_inner(), width, height).size(
            display_width * EMU_PER_PIXEL,
            display_height * EMU_PER_PIXEL,
        ),
    )
}

/// Renders a document as DOCX bytes.
pub fn render(document: &Document, logo: Option<&[u8]>) -> Result<Vec<u8>, ExportError> {
    let mut header = Header::new();
    if let Some(bytes) = logo {
        header = header
            .add_paragraph(Paragraph::new().add_run(Run::new().add_image(logo_picture(bytes)?)));
    }
    header = header.add_paragraph(
        Paragraph::new()
            .style("Header")
            .add_run(Run::new().add_text(sanitise(&document.authority)).bold()),
    );
    if document.draft {
        header = header.add_paragraph(
            Paragraph::new()
                .style("Header")
                .align(AlignmentType::Center)
                .add_run(
                    Run::new()
                        .add_text("DRAFT – NOT FOR SENDING")
                        .bold()
                        .size(28)
                        .color("C00000"),
                ),
        );
    }
    let footer = Footer::new().add_paragraph(
        Paragraph::new()
            .style("Footer")
            .add_run(Run::new().add_text(format!(
                "Reference {}   ·   Page ",
                sanitise(&document.reference)
            )))
            .add_page_num(PageNum::new())
            .add_run(Run::new().add_text(" of "))
            .add_num_pages(NumPages::new()),
    );

    let mut docx = Docx::new()
        .page_size(11906, 16838)
        .page_margin(PageMargin {
            top: 1418,
            left: 1418,
            bottom: 1418,
            right: 1418,
            header: 709,
            footer: 709,
            gutter: 0,
        })
        .default_fonts(
            RunFonts::new()
                .ascii(FONT)
                .hi_ansi(FONT)
                .cs(FONT)
                .east_asia(FONT),
        )
        .default_size(BODY_SIZE)
        .default_line_spacing(LineSpacing::new().after(160).line(264))
        .header(header)
        .footer(footer);
    docx = numberings(styles(docx));

    for (index, block) in document.blocks.iter().enumerate() {
        let next_is_address = matches!(
            document.blocks.get(index + 1).map(|b| &b.kind),
            Some(BlockKind::Paragraph {
                style: ParagraphStyle::Address,
                ..
            })
        );
        match &block.kind {
            BlockKind::Title(text) => {
                docx = docx.add_paragraph(
                    Paragraph::new()
                        .style("Title")
                        .add_run(Run::new().add_text(sanitise(text))),
                );
            }
            BlockKind::Heading { level, text } => {
                let style = if *level <= 1 { "Heading1" } else { "Heading2" };
                docx = docx.add_paragraph(
                    Paragraph::new()
                        .style(style)
                        .keep_next(true)
                        .add_run(Run::new().add_text(sanitise(text))),
                );
            }
            BlockKind::Paragraph { style, spans } => {
                let mut p = paragraph(spans).style(match style {
                    ParagraphStyle::Normal => "Normal",
                    ParagraphStyle::Quote => "Quote",
                    ParagraphStyle::Address => "Address",
                });
                // Address lines sit together; the block as a whole is spaced from what follows.
                if *style == ParagraphStyle::Address && !next_is_address {
                    p = p.line_spacing(LineSpacing::new().after(200));
                }
                docx = docx.add_paragraph(p);
            }
            BlockKind::NumberedList { items } => {
                for item in items {
                    docx = docx.add_paragraph(
                        paragraph(item)
                            .style("ListNumber")
                            .numbering(NumberingId::new(QUESTION_NUMBERING), IndentLevel::new(0)),
                    );
                }
            }
            BlockKind::BulletList { items } => {
                for item in items {
                    docx = docx.add_paragraph(
                        paragraph(item)
                            .style("ListBullet")
                            .numbering(NumberingId::new(BULLET_NUMBERING), IndentLevel::new(0)),
                    );
                }
            }
            BlockKind::Table { header, rows } => {
                docx = docx.add_table(table(header, rows));
                docx = docx.add_paragraph(Paragraph::new());
            }
        }
    }

    let mut packed = Vec::new();
    docx.build()
        .pack(Cursor::new(&mut packed))
        .map_err(|e| ExportError::Docx(e.to_string()))?;
    with_core_properties(&packed, &document.title)
}

fn xml_escape(text: &str) -> String {
    sanitise(text)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The core properties: the title (the reference) and the tool as creator.
/// Nothing about the requester goes here.
fn core_properties(title: &str) -> String {
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
            r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
            r#"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            r#"<dc:title>{}</dc:title><dc:creator>foi-drafter</dc:creator><cp:lastModifiedBy>foi-drafter</cp:lastModifiedBy>"#,
            r#"<cp:revision>1</cp:revision></cp:coreProperties>"#
        ),
        xml_escape(title)
    )
}

/// Rewrites the package with our own `docProps/core.xml`.
fn with_core_properties(packed: &[u8], title: &str) -> Result<Vec<u8>, ExportError> {
    let error = |e: zip::result::ZipError| ExportError::Docx(e.to_string());
    let mut archive = zip::ZipArchive::new(Cursor::new(packed)).map_err(error)?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).map_err(error)?;
        let name = entry.name().to_string();
        let mut contents = Vec::new();
        entry
            .read_to_end(&mut contents)
            .map_err(|e| ExportError::Docx(e.to_string()))?;
        if name == "docProps/core.xml" {
            contents = core_properties(title).into_bytes();
        }
        out.start_file(name, options).map_err(error)?;
        out.write_all(&contents)
            .map_err(|e| ExportError::Docx(e.to_string()))?;
    }
    out.finish().map(Cursor::into_inner).map_err(error)
}
