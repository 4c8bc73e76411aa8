//! Traditional characters and look-alike symbols read as the simplified forms and symbols the
//! report vocabulary is written in (績效 → 绩效, 預算執行率 → 预算执行率, 總分 → 总分, 優 → 优,
//! `≧` → `≥`), so that forms published in traditional characters are recognised like any
//! other. Every mapping keeps the character's UTF-8 length, so a folded text keeps every
//! span: recognition reads the folded document while snippets show the file as written.

use std::sync::OnceLock;

use super::{Block, Document};

/// Traditional characters (above) and their simplified forms (below), character by
/// character: the vocabulary of fiscal reports and forms, and the words around it.
const TRADITIONAL: &str = "績評預執總優項資標實際結轉額數達計劃據產質時滿較報價級財撥務廳縣區門單負責經濟會續響準確與為於對應這個業運維護設備營養補貼專調後決進說來當權類節約萬億戶場書圖館發開關並檢訪談問現驗審規範機構組織導長環態統網絡線車輛醫療衛學師員隊農貧鄉鎮鄰兒殘婦聯體藝術廣電視聽訊號費購買賣錢銀貨幣稅庫歲則邊遠還過選適遲誤錯記錄帳賬憑證辦處層領頭顯穩舉興築險災氣溫熱燈飲飯傳歷況務標準備註齊於個別種類採購項層級門戶網頁聞紀檢監察費補償預測價格質量達標狀況問題題雜亂總結規劃發展綜合評價總體況態勢勞動資訊庫存額度餘額減少增長變動與會議議題紀要獎懲範圍標準審計覈實績效";
const SIMPLIFIED: &str = "绩评预执总优项资标实际结转额数达计划据产质时满较报价级财拨务厅县区门单负责经济会续响准确与为于对应这个业运维护设备营养补贴专调后决进说来当权类节约万亿户场书图馆发开关并检访谈问现验审规范机构组织导长环态统网络线车辆医疗卫学师员队农贫乡镇邻儿残妇联体艺术广电视听讯号费购买卖钱银货币税库岁则边远还过选适迟误错记录帐账凭证办处层领头显稳举兴筑险灾气温热灯饮饭传历况务标准备注齐于个别种类采购项层级门户网页闻纪检监察费补偿预测价格质量达标状况问题题杂乱总结规划发展综合评价总体况态势劳动资讯库存额度余额减少增长变动与会议议题纪要奖惩范围标准审计核实绩效";

/// Look-alike symbols and their usual forms: `≧ ≦` for `≥ ≤`, `═` for a full-width `＝`
/// (which width folding then reads as `=`).
const LOOK_ALIKES: &[(char, char)] = &[('≧', '≥'), ('≦', '≤'), ('═', '＝')];

/// The pairs, sorted, and a bit for every character of the Basic Multilingual Plane that has
/// one: most characters have none, which one bit tells.
struct Table {
    pairs: Vec<(char, char)>,
    bmp: Box<[u64; 1024]>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut pairs: Vec<(char, char)> = TRADITIONAL
            .chars()
            .zip(SIMPLIFIED.chars())
            .filter(|(t, s)| t != s)
            .chain(LOOK_ALIKES.iter().copied())
            .collect();
        pairs.sort_unstable();
        pairs.dedup_by_key(|p| p.0);
        let mut bmp = Box::new([0u64; 1024]);
        for &(c, _) in &pairs {
            let c = c as usize;
            if c < 0x10000 {
                bmp[c >> 6] |= 1 << (c & 63);
            }
        }
        Table { pairs, bmp }
    })
}

/// The simplified form of a character, or the character itself.
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    let t = table();
    let n = c as usize;
    if n < 0x10000 && t.bmp[n >> 6] & (1 << (n & 63)) == 0 {
        return c;
    }
    match t.pairs.binary_search_by_key(&c, |p| p.0) {
        Ok(i) => t.pairs[i].1,
        Err(_) => c,
    }
}

fn needs_fold(s: &str) -> bool {
    unfolded_len(s.as_bytes()) < s.len()
}

/// The length of the longest start of `b` (valid UTF-8) in which [`fold_char`] changes no
/// character. Every text of a document passes here: the characters are decoded from their
/// bytes and looked up in the table's bitmap, without `chars()`' checks, and ASCII, which
/// nothing folds, is stepped over.
pub fn unfolded_len(b: &[u8]) -> usize {
    let bmp = &table().bmp;
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        // The bitmap's word for a character is its code point without the low six bits: for
        // three bytes, the lead's four bits and the second byte's six. ASCII and what lies
        // outside the Basic Multilingual Plane are never folded.
        let (n, word, bit) = match (x, b.get(i + 1), b.get(i + 2)) {
            (0x00..=0x7F, _, _) => (1, None, 0),
            (0xC0..=0xDF, Some(&y), _) => (2, Some(usize::from(x & 0x1F)), y & 0x3F),
            (0xE0..=0xEF, Some(&y), Some(&z)) => (
                3,
                Some(usize::from(x & 0x0F) << 6 | usize::from(y & 0x3F)),
                z & 0x3F,
            ),
            (0xF0.., _, _) => (4, None, 0),
            _ => break,
        };
        if word.is_some_and(|w| bmp[w] & (1 << bit) != 0) {
            break;
        }
        i += n;
    }
    i.min(b.len())
}

fn fold(s: &mut String) {
    if needs_fold(s) {
        *s = s.chars().map(fold_char).collect();
    }
}

impl Document {
    /// The document with its texts folded, or `None` when nothing in it needs folding (the
    /// usual case, which costs no copy).
    pub fn folded(&self) -> Option<Document> {
        let any = self.blocks.iter().any(|b| match b {
            Block::Heading(h) => needs_fold(&h.text),
            Block::Paragraph(p) => needs_fold(&p.text),
            Block::Table(t) => t
                .rows
                .iter()
                .any(|r| r.cells.iter().any(|c| needs_fold(&c.text))),
        });
        if !any {
            return None;
        }
        let mut doc = self.clone();
        for block in &mut doc.blocks {
            match block {
                Block::Heading(h) => fold(&mut h.text),
                Block::Paragraph(p) => fold(&mut p.text),
                Block::Table(t) => {
                    for cell in t.rows.iter_mut().flat_map(|r| r.cells.iter_mut()) {
                        fold(&mut cell.text);
                    }
                }
            }
        }
        Some(doc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mapping_keeps_the_utf8_length() {
        assert_eq!(
            TRADITIONAL.chars().count(),
            SIMPLIFIED.chars().count(),
            "the two rows of the table line up"
        );
        for (t, s) in &table().pairs {
            assert_eq!(t.len_utf8(), s.len_utf8(), "{t} → {s}");
        }
    }

    #[test]
    fn the_quick_test_agrees_with_the_table() {
        for &(t, s) in &table().pairs {
            assert_eq!(fold_char(t), s);
        }
        for c in ['绩', '效', '中', '。', '∑', '😀', 'é'] {
            assert_eq!(fold_char(c), c);
        }
    }

    proptest::proptest! {
        #[test]
        fn the_unfolded_start_ends_at_the_first_character_folded(
            chars in proptest::collection::vec(
                proptest::sample::select(vec![
                    'a', ' ', 'é', '\u{7FF}', '≧', '≥', '═', '績', '绩', '效', '總', '。', '（',
                    '\u{FFFF}', '😀', '\u{20000}',
                ]),
                0..16,
            )
        ) {
            let s: String = chars.into_iter().collect();
            let first_folded = s
                .char_indices()
                .find(|&(_, c)| fold_char(c) != c)
                .map_or(s.len(), |(i, _)| i);
            proptest::prop_assert_eq!(unfolded_len(s.as_bytes()), first_folded);
            proptest::prop_assert_eq!(needs_fold(&s), first_folded < s.len());
        }
    }

    #[test]
    fn the_vocabulary_reads_simplified() {
        let fold = |s: &str| s.chars().map(fold_char).collect::<String>();
        assert_eq!(fold("績效自評表"), "绩效自评表");
        assert_eq!(fold("預算執行率"), "预算执行率");
        assert_eq!(fold("總分 100 評分等級 優"), "总分 100 评分等级 优");
        assert_eq!(fold("其中：當年財政撥款"), "其中：当年财政拨款");
        assert_eq!(fold("上年結轉資金"), "上年结转资金");
        assert_eq!(fold("≧95%"), "≥95%");
        assert_eq!(fold("绩效"), "绩效");
    }
}
