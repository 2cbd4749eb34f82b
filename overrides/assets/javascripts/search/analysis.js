/*
 * Query analysis for the site search, in the browser (a web worker) and Node.
 *
 * This is the JavaScript twin of hooks/wardsite/search/normalize.py,
 * segment.py (character classes, bigrams) and query.py: every rule is the
 * same, step for step, and data/search/test-vectors.json proves that both
 * give the same normalised text and the same lunr clauses. Change one side
 * only together with the other and the vectors.
 *
 * No build step and no download: a UMD file. In a worker use
 * importScripts(".../analysis.js") and then self.wardsiteSearchAnalysis;
 * in Node, require() it.
 *
 * API:
 *   normalize(text) -> string
 *   createAnalyzer(analysis) -> { analyze(text) -> [{term, kind, boost}], fields }
 *     where `analysis` is the "analysis" object of the prebuilt index bundle.
 *   search(lunrIndex, analyzer, text, lunr) -> lunr results (best first)
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory();
  } else {
    root.wardsiteSearchAnalysis = factory();
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  // ---- normalize.py ------------------------------------------------------

  var VU = [["ゔぁ", "ば"], ["ゔぃ", "び"], ["ゔぇ", "べ"], ["ゔぉ", "ぼ"], ["ゔ", "ぶ"]];
  var SMALL_FROM = "ぁぃぅぇぉゎ";
  var SMALL_TO = "あいうえおわ";
  var KANA_HYPHEN = /(?<=[\u3041-\u309f])[\-\u2010-\u2015\u2500\u2501](?=[\u3041-\u309f])/g;
  var WHITESPACE =
    /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+/g;

  function katakanaToHiragana(text) {
    var out = "";
    for (var ch of text) {
      var code = ch.codePointAt(0);
      if ((code >= 0x30a1 && code <= 0x30f6) || code === 0x30fd || code === 0x30fe) {
        out += String.fromCodePoint(code - 0x60);
      } else {
        out += ch;
      }
    }
    return out;
  }

  function normalize(text) {
    text = text.normalize("NFKC").toLowerCase();
    text = katakanaToHiragana(text);
    for (var i = 0; i < VU.length; i++) {
      text = text.split(VU[i][0]).join(VU[i][1]);
    }
    var out = "";
    for (var ch of text) {
      var at = SMALL_FROM.indexOf(ch);
      out += at >= 0 ? SMALL_TO[at] : ch;
    }
    out = out.replace(KANA_HYPHEN, "");
    out = out.split("ー").join("");
    out = out.replace(WHITESPACE, " ");
    return out.replace(/^ +| +$/g, "");
  }

  /* normalize.py _UNCONVERTED, drop_unconverted_letters: 固まtった → 固まった */
  var UNCONVERTED = new RegExp(
    "(?<=[\\u3041-\\u3096\\u30a1-\\u30fa\\u30fc])" +
      "[b-df-hj-np-tv-z\\uff42-\\uff44\\uff46-\\uff48\\uff4a-\\uff4e\\uff50-\\uff54\\uff56-\\uff5a]" +
      "(?=[\\u3041-\\u3096\\u30a1-\\u30fa\\u30fc])",
    "g"
  );

  function dropUnconvertedLetters(text) {
    return text.replace(UNCONVERTED, "");
  }

  /* normalize.py _KATAKANA_RUN, katakana_runs, _folded_length */
  var KATAKANA = "[\\u30a1-\\u30fa\\u30fc-\\u30fe\\u31f0-\\u31ff\\uff66-\\uff9f]+";
  var KATAKANA_RUN = new RegExp(
    KATAKANA + "(?:[\\-\\u2010-\\u2015\\u2500\\u2501]+" + KATAKANA + ")*", "g"
  );

  function foldedLength(prefix) {
    return cpLength(normalize(prefix + "a")) - 1;
  }

  function katakanaRuns(text) {
    var runs = [];
    var match;
    KATAKANA_RUN.lastIndex = 0;
    while ((match = KATAKANA_RUN.exec(text)) !== null) {
      var start = foldedLength(text.slice(0, match.index));
      var end = foldedLength(text.slice(0, match.index + match[0].length));
      if (end > start) runs.push([start, end]);
    }
    return runs;
  }

  // ---- romaji.py: romaji typed with the IME off ----------------------------

  var ROMAJI_VOWELS = "aiueo";
  var ROMAJI_ROWS = {
    "": "あいうえお", k: "かきくけこ", s: "さしすせそ", t: "たちつてと", n: "なにぬねの",
    h: "はひふへほ", m: "まみむめも", y: "や\0ゆ\0よ", r: "らりるれろ", w: "わ\0\0\0を",
    g: "がぎぐげご", z: "ざじずぜぞ", d: "だぢづでど", b: "ばびぶべぼ", p: "ぱぴぷぺぽ",
  };
  var ROMAJI_GLIDES = {
    ky: "き", sh: "し", sy: "し", ch: "ち", cy: "ち", ty: "ち", ny: "に", hy: "ひ", my: "み",
    ry: "り", gy: "ぎ", j: "じ", jy: "じ", zy: "じ", by: "び", py: "ぴ", dy: "ぢ",
  };
  var ROMAJI_SMALL = { a: "ゃ", u: "ゅ", o: "ょ" };
  var ROMAJI_OTHERS = {
    shi: "し", chi: "ち", tsu: "つ", fu: "ふ", ji: "じ", fa: "ふぁ", fi: "ふぃ", fe: "ふぇ", fo: "ふぉ",
  };
  var SYLLABLES = (function () {
    var table = new Map();
    Object.keys(ROMAJI_ROWS).forEach(function (consonant) {
      for (var v = 0; v < 5; v++) {
        var ch = ROMAJI_ROWS[consonant][v];
        if (ch !== "\0") table.set(consonant + ROMAJI_VOWELS[v], ch);
      }
    });
    Object.keys(ROMAJI_GLIDES).forEach(function (start) {
      Object.keys(ROMAJI_SMALL).forEach(function (vowel) {
        table.set(start + vowel, ROMAJI_GLIDES[start] + ROMAJI_SMALL[vowel]);
      });
    });
    Object.keys(ROMAJI_OTHERS).forEach(function (key) { table.set(key, ROMAJI_OTHERS[key]); });
    return table;
  })();

  /* romaji.py romaji_to_kana: the hiragana a lower-case word types with the IME on, or null */
  function romajiToKana(word) {
    var out = "";
    var at = 0;
    while (at < word.length) {
      var rest = word.slice(at);
      if (rest.slice(0, 2) === "n'" || rest.slice(0, 2) === "nn") {
        out += "ん";
        var third = rest.charAt(2);
        at += rest.slice(0, 2) === "nn" && third && (ROMAJI_VOWELS + "y").indexOf(third) >= 0 ? 1 : 2;
        continue;
      }
      if (rest[0] === "n" && (rest.length === 1 || (ROMAJI_VOWELS + "y").indexOf(rest[1]) < 0)) {
        out += "ん";
        at += 1;
        continue;
      }
      if (rest.length > 1 && rest[0] === rest[1] && (ROMAJI_VOWELS + "n").indexOf(rest[0]) < 0) {
        out += "っ";
        at += 1;
        continue;
      }
      var found = false;
      for (var size = Math.min(3, rest.length); size > 0; size--) {
        var kana = SYLLABLES.get(rest.slice(0, size));
        if (kana !== undefined) {
          out += kana;
          at += size;
          found = true;
          break;
        }
      }
      if (!found) return null;
    }
    return out;
  }

  /* romaji.py romaji_readings: as typed, then with doubled vowels single (pasuwaado). */
  function romajiReadings(word) {
    var single = "";
    for (var i = 0; i < word.length; i++) {
      var ch = word[i];
      if (!(single && ROMAJI_VOWELS.indexOf(ch) >= 0 && single[single.length - 1] === ch)) single += ch;
    }
    var readings = [];
    [word, single].forEach(function (spelling) {
      var kana = romajiToKana(spelling);
      if (kana !== null && readings.indexOf(kana) < 0) readings.push(kana);
    });
    return readings;
  }

  /* The kana of the query's romaji words: their lexicon shards are needed too (engine.js). */
  function romajiKana(text) {
    return normalize(text)
      .split(/[^a-z']+/)
      .map(function (word) { return word ? romajiToKana(word) || "" : ""; })
      .join("");
  }

  // ---- segment.py: character classes and bigrams --------------------------

  var ALNUM_RANGES = [
    [0x30, 0x39], [0x61, 0x7a], [0xc0, 0xd6], [0xd8, 0xf6], [0xf8, 0x24f],
    [0x300, 0x36f], [0x370, 0x3ff], [0x400, 0x4ff],
  ];
  var KANJI_RANGES = [
    [0x3005, 0x3007], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xf900, 0xfaff],
    [0x20000, 0x3134f],
  ];
  var JA_RANGES = KANJI_RANGES.concat([
    [0x3041, 0x309f], [0x30a0, 0x30fa], [0x30fd, 0x30ff], [0xac00, 0xd7af],
  ]);
  var SEP = 0, ALNUM = 1, JA = 2;

  function inRanges(code, ranges) {
    for (var i = 0; i < ranges.length; i++) {
      if (code >= ranges[i][0] && code <= ranges[i][1]) return true;
    }
    return false;
  }

  function charClass(ch) {
    var code = ch.codePointAt(0);
    if (inRanges(code, ALNUM_RANGES)) return ALNUM;
    if (inRanges(code, JA_RANGES)) return JA;
    return SEP;
  }

  function cpLength(text) {
    return Array.from(text).length;
  }

  function bigrams(run) {
    var chars = Array.from(run);
    var out = [];
    for (var i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
    return out;
  }

  // ---- query.py ----------------------------------------------------------

  var END_SPACES = " \t\n\r\u3000";
  // (unknown characters, typo matches, 2 × segments); query.py explains CONVERSION
  var UNKNOWN = [1, 0, 2], TYPO = [0, 1, 2], KEY = [0, 0, 2], CONVERSION = [0, 0, 5];
  var MIXED = [0, 0, 3];
  var MIXED_KANA = /^[\u3041-\u3096]{2,}$/;

  function addCost(a, b) {
    return [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
  }

  function isKanjiChar(ch) {
    return inRanges(ch.codePointAt(0), KANJI_RANGES);
  }

  /* query.py conversion_slip: an all-kanji stretch with one kanji replaced (character arrays) */
  function conversionSlip(piece, key) {
    if (piece.length !== key.length) return false;
    if (!piece.every(isKanjiChar) || !key.every(isKanjiChar)) return false;
    var diffs = 0;
    for (var i = 0; i < piece.length; i++) if (piece[i] !== key[i]) diffs++;
    return diffs === 1;
  }

  /* query.py mixed_spelling: a two-kanji word with one kanji typed in kana (character arrays) */
  function mixedSpelling(piece, key) {
    if (!isKanjiPair(key)) return false;
    var n = piece.length;
    return (piece[n - 1] === key[1] && MIXED_KANA.test(piece.slice(0, n - 1).join(""))) ||
      (piece[0] === key[0] && MIXED_KANA.test(piece.slice(1).join("")));
  }

  function less(a, b) {
    for (var i = 0; i < 3; i++) {
      if (a[i] !== b[i]) return a[i] < b[i];
    }
    return false;
  }

  /* Small kana read as their large twins when short kana words are compared (query.py). */
  var SMALL_KANA = { "ぁ": "あ", "ぃ": "い", "ぅ": "う", "ぇ": "え", "ぉ": "お", "っ": "つ",
    "ゃ": "や", "ゅ": "ゆ", "ょ": "よ", "ゎ": "わ", "ゕ": "か", "ゖ": "け" };
  function foldSmall(chars) {
    return chars.map(function (ch) { return SMALL_KANA[ch] || ch; }).join("");
  }
  /* query.py VOICELESS: voiced kana as their plain twins (ズマホ for スマホ) */
  var VOICED = "がぎぐげござじずぜぞだぢづでどばびぶべぼぱぴぷぺぽゔ", PLAIN = "かきくけこさしすせそたちつてとはひふへほはひふへほう";
  function voiceless(text) {
    return Array.from(text).map(function (ch) {
      var at = VOICED.indexOf(ch);
      return at < 0 ? ch : PLAIN[at];
    }).join("");
  }
  function isKanaWord(chars) {
    return chars.every(function (ch) {
      var cp = ch.codePointAt(0);
      return cp >= 0x3041 && cp <= 0x3096;
    });
  }

  /* QWERTY neighbours of each letter, for 3-letter acronyms (query.py). */
  var KEY_ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];
  var NEIGHBOURS = {};
  KEY_ROWS.forEach(function (row, r) {
    for (var i = 0; i < row.length; i++) {
      var found = NEIGHBOURS[row[i]] = NEIGHBOURS[row[i]] || new Set();
      [[r, i - 1], [r, i + 1], [r - 1, i], [r - 1, i + 1], [r + 1, i - 1], [r + 1, i]].forEach(
        function (spot) {
          var other = KEY_ROWS[spot[0]];
          if (other && spot[1] >= 0 && spot[1] < other.length) found.add(other[spot[1]]);
        }
      );
    }
  });

  /* 3-letter b is a with two neighbours swapped or one letter a key away. */
  function acronymSlip(a, b) {
    if (a.length !== 3 || b.length !== 3 || a === b) return false;
    if (!/^[a-z]+$/i.test(a) || !/^[a-z]+$/i.test(b)) return false;
    var diffs = [];
    for (var i = 0; i < 3; i++) if (a[i] !== b[i]) diffs.push(i);
    if (diffs.length === 1) {
      var near = NEIGHBOURS[a[diffs[0]]];
      return near !== undefined && near.has(b[diffs[0]]);
    }
    return (
      diffs.length === 2 &&
      diffs[1] === diffs[0] + 1 &&
      a[diffs[0]] === b[diffs[1]] &&
      a[diffs[1]] === b[diffs[0]]
    );
  }

  function oneEditApart(a, b) {
    a = Array.from(a);
    b = Array.from(b);
    if (a.join("") === b.join("") || Math.abs(a.length - b.length) > 1) return false;
    var i;
    if (a.length === b.length) {
      var diffs = [];
      for (i = 0; i < a.length; i++) if (a[i] !== b[i]) diffs.push(i);
      if (diffs.length === 1) return true;
      return (
        diffs.length === 2 &&
        diffs[1] === diffs[0] + 1 &&
        a[diffs[0]] === b[diffs[1]] &&
        a[diffs[1]] === b[diffs[0]]
      );
    }
    var short = a.length < b.length ? a : b;
    var long = a.length < b.length ? b : a;
    i = 0;
    while (i < short.length && short[i] === long[i]) i++;
    return short.slice(i).join("") === long.slice(i + 1).join("");
  }

  // query.py ENDINGS, _ending and another_form
  var ENDINGS = new Set([
    "", "e", "s", "es", "ed", "d", "ing", "ings", "er", "ers", "y", "ies", "ied", "ly",
    "ment", "ments", "ion", "ions", "ation", "ations",
  ]);

  function ending(word, shared) {
    var rest = word.slice(shared).join("");
    if (ENDINGS.has(rest)) return rest;
    var doubled = rest.length > 1 && word[shared] === word[shared - 1] &&
      ENDINGS.has(word.slice(shared + 1).join(""));
    return doubled ? word.slice(shared + 1).join("") : null;
  }

  function anotherForm(typed, known) {
    typed = Array.from(typed);
    known = Array.from(known);
    var shared = 0;
    while (shared < Math.min(typed.length, known.length) && typed[shared] === known[shared]) {
      shared++;
    }
    return (
      typed.join("") !== known.join("") && shared >= 4 &&
      ending(typed, shared) !== null && ending(known, shared) !== null
    );
  }

  function nearLatinWord(a, b) {
    return oneEditApart(a, b) || anotherForm(a, b);
  }

  function Clauses(boosts) {
    this.boosts = boosts;
    this.items = [];
    this.where = new Map();
  }

  Clauses.prototype.add = function (term, kind) {
    var boost = this.boosts[kind];
    var slot = (kind === "ngram" ? "n:" : "w:") + term;
    if (this.where.has(slot)) {
      var clause = this.items[this.where.get(slot)];
      if (boost > clause.boost) {
        clause.kind = kind;
        clause.boost = boost;
      }
      return;
    }
    this.where.set(slot, this.items.length);
    this.items.push({ term: term, kind: kind, boost: boost });
  };

  // Japanese words that a one-character slip may reach: 3+ with a kanji, else 5+.
  function typoCandidate(chars) {
    if (!chars.every(function (ch) { return charClass(ch) === JA; })) return false;
    var hasKanji = chars.some(function (ch) { return inRanges(ch.codePointAt(0), KANJI_RANGES); });
    return hasKanji ? chars.length >= 3 : chars.length >= 5;
  }

  /*
   * The analyzer starts from the analysis settings and lexicon of a bundle,
   * and takes more lexicon entries later (addLexicon): the browser fetches the
   * lexicon in shards, as queries need them. Where two keys tie, the one
   * earlier in the full lexicon (its ordinal) wins, as in query.py, whatever
   * order the entries arrived in.
   */
  function Analyzer(analysis) {
    this.boosts = analysis.boosts;
    this.fields = analysis.fields;
    this.limits = analysis.limits;
    this.stop = new Set(analysis.stopwords);
    this.keys = new Map();
    this.ordinal = new Map();
    this.maxLen = 1;
    this.contentKeys = [];
    this.asciiKeys = [];
    this.sorted = true;
    this.typoPatterns = new Map();
    this.typoKeys = new Set();
    this.kanaFolded = new Map();
    this.kanaVoiceless = new Map();
    this.kanaMissing = new Map();
    this.synonyms = new Map();
    this.phrases = [];
    this.phraseOrdinals = new Set();
    this.kanjiReadings = new Map();
    this.stemKanji = new Set();
    this.kanjiPairs = new Map();
    this.pairWords = new Set();
    var self = this;
    analysis.stopwords.forEach(function (word) {
      self.keys.set(word, []);
      self.maxLen = Math.max(self.maxLen, cpLength(word));
    });
    this.addLexicon(analysis.lexicon.map(function (entry, at) { return [at, entry[0], entry[1]]; }));
    this.addSynonyms(analysis.synonyms);
    this.addKanjiReadings(analysis.kanjiReadings || []);
    this.addKanjiPairs(analysis.kanjiPairs || []);
    this.addPhrases((analysis.phrases || []).map(function (entry, at) {
      return [at, entry[0], entry[1], entry[2]];
    }));
  }

  /* Phrases [ordinal, term, words, polarity] (query.py _phrase_clauses); known ones are skipped. */
  Analyzer.prototype.addPhrases = function (entries) {
    for (var e = 0; e < entries.length; e++) {
      if (this.phraseOrdinals.has(entries[e][0])) continue;
      this.phraseOrdinals.add(entries[e][0]);
      this.phrases.push(entries[e]);
      this.sorted = false;
    }
  };

  /* Kanji readings [kanji, [on'yomi]] (readings.py); the same in every shard. */
  Analyzer.prototype.addKanjiReadings = function (entries) {
    for (var e = 0; e < entries.length; e++) {
      if (!this.kanjiReadings.has(entries[e][0])) {
        this.kanjiReadings.set(entries[e][0], new Set(entries[e][1]));
      }
    }
  };

  /* query.py is_kanji_pair (character arrays) */
  function isKanjiPair(chars) {
    return chars.length === 2 && isKanjiChar(chars[0]) && isKanjiChar(chars[1]);
  }

  /* Lexicon entries [ordinal, key, terms]; a key already known is skipped. */
  Analyzer.prototype.addLexicon = function (entries) {
    for (var e = 0; e < entries.length; e++) {
      var ordinal = entries[e][0], key = entries[e][1], terms = entries[e][2];
      if (this.ordinal.has(key)) continue;
      this.ordinal.set(key, ordinal);
      this.keys.set(key, terms.slice());
      var chars = Array.from(key);
      this.maxLen = Math.max(this.maxLen, chars.length);
      if (chars.length === 1 && isKanjiChar(key) && terms.length &&
          terms.every(function (term) { return /[\u3041-\u3096]/.test(term); })) {
        this.stemKanji.add(key); /* one kanji for a verb or adjective: 長 → 長い (query.py) */
      }
      if (!terms.length || this.isStop(key, terms)) continue;
      this.contentKeys.push(key);
      this.sorted = false;
      if (chars.every(function (ch) { return charClass(ch) !== JA; })) this.asciiKeys.push(key);
      if (typoCandidate(chars)) this.addTypoPatterns(key, chars, ordinal);
      if (chars.length >= 3 && isKanaWord(chars)) this.addKanaSlips(key, chars, ordinal);
    }
  };

  /*
   * Two-kanji words [word, [sounds of the first kanji], [of the second]]
   * (readings.py), by the kanji a homophone slip keeps: "place\0kept kanji"
   * -> [[word, the slipped kanji's sounds]]; a word already known is skipped.
   */
  Analyzer.prototype.addKanjiPairs = function (entries) {
    for (var e = 0; e < entries.length; e++) {
      var word = entries[e][0];
      if (this.pairWords.has(word)) continue;
      this.pairWords.add(word);
      var chars = Array.from(word);
      this.pairList("0\0" + chars[1]).push([word, new Set(entries[e][1])]);
      this.pairList("1\0" + chars[0]).push([word, new Set(entries[e][2])]);
      this.sorted = false;
    }
  };

  Analyzer.prototype.pairList = function (slot) {
    if (!this.kanjiPairs.has(slot)) this.kanjiPairs.set(slot, []);
    return this.kanjiPairs.get(slot);
  };

  /* Short kana words: small kana folded, and with one character missing (query.py). */
  Analyzer.prototype.addKanaSlips = function (key, chars, ordinal) {
    var self = this;
    var keep = function (map, pattern) {
      var holder = map.get(pattern);
      if (holder === undefined || self.ordinal.get(holder) > ordinal) map.set(pattern, key);
    };
    keep(this.kanaFolded, foldSmall(chars));
    /* a kana word of the pages itself, not a kanji word's reading (query.py) */
    if (this.keys.get(key).indexOf(key) >= 0) keep(this.kanaVoiceless, voiceless(foldSmall(chars)));
    if (chars.length < 4) return;
    for (var p = 0; p < chars.length; p++) {
      keep(this.kanaMissing, foldSmall(chars.slice(0, p).concat(chars.slice(p + 1))));
    }
  };

  Analyzer.prototype.addTypoPatterns = function (key, chars, ordinal) {
    this.typoKeys.add(key);
    var isKanji = function (ch) { return inRanges(ch.codePointAt(0), KANJI_RANGES); };
    var hasKanji = chars.some(isKanji);
    for (var p = 0; p < chars.length; p++) {
      var rest = chars.slice(0, p).concat(chars.slice(p + 1));
      // its only kanji replaced: 辞める is no slip of 始める
      if (hasKanji && !rest.some(isKanji)) continue;
      var pattern = chars.slice(0, p).join("") + "\0" + chars.slice(p + 1).join("");
      var holder = this.typoPatterns.get(pattern);
      if (holder === undefined || this.ordinal.get(holder) > ordinal) {
        this.typoPatterns.set(pattern, key);
      }
    }
  };

  Analyzer.prototype.addSynonyms = function (entries) {
    for (var i = 0; i < entries.length; i++) this.synonyms.set(entries[i][0], entries[i][1]);
  };

  /* contentKeys and asciiKeys in lexicon order (completions and typo ties follow it). */
  Analyzer.prototype.inOrder = function () {
    if (this.sorted) return;
    var ordinal = this.ordinal;
    var byOrdinal = function (a, b) { return ordinal.get(a) - ordinal.get(b); };
    this.contentKeys.sort(byOrdinal);
    this.asciiKeys.sort(byOrdinal);
    this.phrases.sort(function (a, b) { return a[0] - b[0]; });
    this.kanjiPairs.forEach(function (pairs) {
      pairs.sort(function (a, b) { return byOrdinal(a[0], b[0]); });
    });
    this.sorted = true;
  };

  Analyzer.prototype.isStop = function (key, terms) {
    if (this.stop.has(key)) return true;
    if (!terms.length) return false;
    var stop = this.stop;
    return terms.every(function (term) { return stop.has(term); });
  };

  /* query.py _LATIN_WORD, _KATAKANA_WORD, _KANA_WORD */
  var LATIN_WORD = /^[0-9A-Za-z\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+$/;
  var KATAKANA_WORD = /^[\u30a1-\u30fa\u30fc-\u30fe\uff66-\uff9f]+$/;
  var KANA_WORD = /^[\u3041-\u3096\u309d\u309e\u30a1-\u30fa\u30fc-\u30fe\uff66-\uff9f]+$/;
  /* query.py _SEPARATORS: spaces, or the middle dot of パス・ワード */
  var SEPARATORS = new RegExp("(" + WHITESPACE.source + "|[\u30fb\uff65])");

  Analyzer.prototype.isSplitWord = function (first, second) {
    var same = [LATIN_WORD, KATAKANA_WORD].some(function (script) {
      return script.test(first) && script.test(second);
    });
    return same && this.isContentKey(normalize(first + second));
  };

  Analyzer.prototype.isContentKey = function (key) {
    var terms = this.keys.get(key);
    return Boolean(terms && terms.length) && !this.isStop(key, terms);
  };

  /* query.py LETTER_NAMES, MAX_SPELLED_KANA, spelled_letters */
  var LETTER_NAMES = {
    a: ["え", "えい"], b: ["び"], c: ["し"], d: ["でい", "で"], e: ["い"], f: ["えふ"],
    g: ["じ"], h: ["えいち", "えっち"], i: ["あい"], j: ["じえ", "じえい"], k: ["け", "けい"],
    l: ["える"], m: ["えむ"], n: ["えぬ"], o: ["お"], p: ["ぴ"], q: ["きゅ"], r: ["ある"],
    s: ["えす"], t: ["てい", "て"], u: ["ゆ"], v: ["ぶい"], w: ["だぶりゅ", "だぶる"],
    x: ["えっくす"], y: ["わい"], z: ["ぜっと", "ずい"],
  };
  var MAX_SPELLED_KANA = 16;
  /* query.py APOSTROPHE_LESS: cant → can't */
  var APOSTROPHE_LESS = new Map();
  ["can't", "won't", "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't",
    "couldn't", "wouldn't", "shouldn't", "haven't", "hasn't", "hadn't"].forEach(function (word) {
    APOSTROPHE_LESS.set(word.replace("'", ""), word);
  });

  function spelledLetters(kana) {
    var ways = [];
    for (var k = 0; k < kana.length; k++) ways.push([]);
    ways.push([""]);
    for (var at = kana.length - 1; at >= 0; at--) {
      Object.keys(LETTER_NAMES).forEach(function (letter) {
        LETTER_NAMES[letter].forEach(function (name) {
          if (kana.startsWith(name, at)) {
            ways[at + name.length].forEach(function (rest) { ways[at].push(letter + rest); });
          }
        });
      });
    }
    return ways[0];
  }

  /* The letters the query's kana words may spell (えむえふえー: mfa): their lexicon shards are needed too (engine.js). */
  function spelledLettersOf(text) {
    return text.split(SEPARATORS).map(function (word, at) {
      var kana = at % 2 === 0 && KANA_WORD.test(word) ? normalize(word) : "";
      return kana && kana.length <= MAX_SPELLED_KANA ? spelledLetters(kana).join("") : "";
    }).join("");
  }

  /* query.py _respell_words: one drive is onedrive, wont is won't, えむえふえー is mfa */
  Analyzer.prototype.respellWords = function (text) {
    var parts = text.split(SEPARATORS); /* word, separator, word, ..., word */
    var out = [parts[0]];
    var joined = false;
    for (var i = 1; i + 1 < parts.length; i += 2) {
      if (!joined && this.isSplitWord(out[out.length - 1], parts[i + 1])) {
        out[out.length - 1] += parts[i + 1];
        joined = true;
      } else {
        out.push(parts[i], parts[i + 1]);
        joined = false;
      }
    }
    for (var at = 0; at < out.length; at += 2) out[at] = this.respelt(out[at]);
    return out.join("");
  };

  Analyzer.prototype.respelt = function (word) {
    var self = this;
    var folded = normalize(word);
    if (APOSTROPHE_LESS.has(folded)) return APOSTROPHE_LESS.get(folded);
    if (!KANA_WORD.test(word) || this.keys.has(folded)) return word;
    if (folded.length > MAX_SPELLED_KANA) return word;
    var found = spelledLetters(folded).filter(function (letters) {
      return letters.length >= 2 && self.isContentKey(letters);
    }).sort();
    return found.length ? found[0] : word;
  };

  Analyzer.prototype.analyze = function (text) {
    text = this.respellWords(dropUnconvertedLetters(text));
    var clauses = this.analyzeWith(text, true);
    return clauses.length ? clauses : this.analyzeWith(text, false);
  };

  Analyzer.prototype.analyzeWith = function (text, dropStop) {
    this.inOrder();
    var chars = Array.from(normalize(text));
    var typing = text.length > 0 && END_SPACES.indexOf(text[text.length - 1]) < 0;
    var runs = katakanaRuns(text);
    var tail = typing ? this.findTail(chars, runs) : chars.length;
    /* a verb typed whole (開けない) is its words too, besides what it may begin */
    var whole = this.isInflected(chars, tail, runs) ? chars.length : tail;
    var out = new Clauses(this.boosts);
    var segments = this.segment(chars.slice(0, whole), runs);
    for (var s = 0; s < segments.length; s++) this.segmentClauses(segments[s], dropStop, out);
    this.phraseClauses(segments, out);
    if (tail < chars.length) {
      var completions = this.completions(chars.slice(tail).join(""));
      for (var c = 0; c < completions.length; c++) {
        var terms = this.keys.get(completions[c]);
        for (var t = 0; t < terms.length; t++) {
          out.add(terms[t], "prefix");
          var others = this.synonyms.get(terms[t]) || [];
          for (var o = 0; o < others.length; o++) out.add(others[o][0], "prefix");
        }
      }
    }
    return out.items;
  };

  /* query.py _NEGATION, is_negative */
  var NEGATION = /ない|なく|なかっ|ません/;

  /* query.py _phrase_clauses: an expression's words side by side, in any inflection */
  Analyzer.prototype.phraseClauses = function (segments, out) {
    var words = [];
    var tails = [];
    for (var s = 0; s < segments.length; s++) {
      var kind = segments[s][0], value = segments[s][1];
      var known = kind === "key" || kind === "typo";
      var terms = known ? this.keys.get(value) : [value];
      if (known && (!terms.length || this.isStop(value, terms))) {
        if (tails.length) tails[tails.length - 1] += value;
        continue;
      }
      words.push(terms);
      tails.push(value);
    }
    var polarity = tails.map(function (tail) { return NEGATION.test(tail) ? "-" : "+"; });
    for (var p = 0; p < this.phrases.length; p++) {
      var term = this.phrases[p][1], phrase = this.phrases[p][2], sign = this.phrases[p][3];
      var found = false;
      for (var start = 0; !found && start + phrase.length <= words.length; start++) {
        found = polarity[start + phrase.length - 1] === sign &&
          tails[start].indexOf(Array.from(phrase[0])[0]) >= 0 &&
          phrase.every(function (word, i) { return words[start + i].indexOf(word) >= 0; });
      }
      if (!found) continue;
      out.add(term, "word"); /* as if typed as written: one word of the query */
      var others = this.synonyms.get(term) || [];
      for (var o = 0; o < others.length; o++) out.add(others[o][0], others[o][1]);
    }
  };

  /* query.py _find_tail: no half-typed word begins inside a katakana stretch */
  Analyzer.prototype.findTail = function (chars, runs) {
    var n = chars.length;
    var inside = function (at) {
      return runs.some(function (run) { return run[0] < at && at < run[1]; });
    };
    for (var start = Math.max(0, n - this.maxLen + 1); start < n; start++) {
      var first = charClass(chars[start]);
      if (first === SEP) continue;
      if (start > 0 && first === ALNUM && charClass(chars[start - 1]) === ALNUM) continue;
      if (inside(start)) continue;
      if (start > 0 && this.mixedKey(chars.slice(start - 1)) !== null) continue; /* 変こう */
      var suffix = chars.slice(start).join("");
      if (this.keys.has(suffix)) return n;
      if (n - start < 2) continue;
      for (var k = 0; k < this.contentKeys.length; k++) {
        var key = this.contentKeys[k];
        if (key !== suffix && key.startsWith(suffix)) return start;
      }
    }
    return n;
  };

  /* query.py _is_inflected: a verb or adjective with a kanji, then its kana ending (開けない) */
  Analyzer.prototype.isInflected = function (chars, start, runs) {
    var word = chars.slice(start);
    for (var cut = 1; cut < word.length; cut++) {
      var head = word.slice(0, cut), tail = word.slice(cut), ending = tail.join("");
      var terms = this.keys.get(ending);
      if (terms === undefined || (terms.length && !this.isStop(ending, terms))) continue;
      var typedKatakana = runs.some(function (run) { return run[0] < start + cut && start < run[1]; });
      if (typedKatakana) continue;
      if (isKanaWord(tail) && head.some(isKanjiChar) && this.isVerbKey(head.join(""))) return true;
    }
    return false;
  };

  /* query.py _is_verb_key: a content key for a verb or adjective (its term ends in kana) */
  Analyzer.prototype.isVerbKey = function (key) {
    var terms = this.keys.get(key);
    if (!terms || !terms.length || this.isStop(key, terms)) return false;
    return terms.some(function (term) { return isKanaWord(Array.from(term).slice(-1)); });
  };

  Analyzer.prototype.completions = function (prefix) {
    var found = [];
    this.contentKeys.forEach(function (key) {
      if (key !== prefix && key.startsWith(prefix)) found.push(key);
    });
    var ranked = found.map(function (key, index) {
      return { key: key, index: index, length: cpLength(key) };
    });
    ranked.sort(function (a, b) {
      return a.length - b.length || a.index - b.index;
    });
    /* not the phrases built on a shorter completion (query.py explains why) */
    var chosen = [];
    var words = new Set();
    for (var r = 0; r < ranked.length && chosen.length < this.limits.prefixKeys; r++) {
      var terms = this.keys.get(ranked[r].key);
      if (terms.length > 1 && terms.some(function (term) { return words.has(term); })) continue;
      chosen.push(ranked[r].key);
      terms.forEach(function (term) { words.add(term); });
    }
    return chosen;
  };

  Analyzer.prototype.typoKey = function (piece, whole) {
    if (this.keys.has(piece.join(""))) return null;
    if (piece.length === 2) return this.homophoneKey(piece);
    var mixed = this.mixedKey(piece);
    if (mixed !== null) return mixed;
    for (var p = 0; p < piece.length; p++) {
      var pattern = piece.slice(0, p).join("") + "\0" + piece.slice(p + 1).join("");
      if (this.typoPatterns.has(pattern)) {
        var found = this.typoPatterns.get(pattern);
        /* a kanji slips to another kanji, kana to kana (query.py) */
        if (isKanjiChar(piece[p]) === isKanjiChar(Array.from(found)[p])) return found;
      }
    }
    for (p = 0; p + 1 < piece.length; p++) {
      // two neighbours swapped: へるぷでくす
      var swapped = piece.slice(0, p).concat([piece[p + 1], piece[p]], piece.slice(p + 2)).join("");
      if (this.typoKeys.has(swapped)) return swapped;
    }
    if (isKanaWord(piece)) return this.kanaSlip(Array.from(foldSmall(piece)), whole);
    return null;
  };

  /* query.py _homophone_key: one kanji kept, the other with its sound in the word (印冊 → 印刷) */
  Analyzer.prototype.homophoneKey = function (piece) {
    if (!isKanjiPair(piece)) return null;
    var none = new Set();
    for (var place = 1; place >= 0; place--) {
      var heard = this.kanjiReadings.get(piece[place]) || none;
      var pairs = this.kanjiPairs.get(place + "\0" + piece[1 - place]) || [];
      for (var k = 0; k < pairs.length; k++) {
        for (var sound of heard) if (pairs[k][1].has(sound)) return pairs[k][0];
      }
    }
    return null;
  };

  /* query.py _mixed_key: one kanji typed as its sound in the word (さく除 → 削除, 変こう → 変更) */
  Analyzer.prototype.mixedKey = function (piece) {
    var n = piece.length;
    var ways = [[piece[n - 1], piece.slice(0, n - 1), 0], [piece[0], piece.slice(1), 1]];
    for (var w = 0; w < ways.length; w++) {
      var kept = ways[w][0], kana = ways[w][1].join("");
      if (!isKanjiChar(kept) || !MIXED_KANA.test(kana)) continue;
      var pairs = this.kanjiPairs.get(ways[w][2] + "\0" + kept) || [];
      for (var k = 0; k < pairs.length; k++) if (pairs[k][1].has(kana)) return pairs[k][0];
    }
    return null;
  };

  /* query.py _romaji_segments, MIN_ROMAJI_KANA */
  Analyzer.prototype.romajiSegments = function (word) {
    var readings = romajiReadings(word);
    for (var r = 0; r < readings.length; r++) {
      if (cpLength(readings[r]) < 3) continue;
      var key = normalize(readings[r]);
      var terms = this.keys.get(key);
      if (terms && terms.length && !this.isStop(key, terms)) return [["key", key]];
      var segments = this.segment(Array.from(key), []);
      var first = segments[0][1];
      var stop = this.stop;
      var ending = segments.slice(1).every(function (segment) {
        return segment[0] === "key" && (cpLength(segment[1]) === 1 || stop.has(segment[1]));
      });
      if (segments[0][0] === "key" && cpLength(first) >= 3 && ending &&
          !this.isStop(first, this.keys.get(first))) {
        return segments;
      }
    }
    return [];
  };

  /* A kana word the (small-kana folded) stretch equals, after one slip at most. */
  Analyzer.prototype.kanaSlip = function (folded, whole) {
    var joined = folded.join("");
    if (this.kanaFolded.has(joined)) return this.kanaFolded.get(joined);
    for (var p = 0; p + 1 < folded.length; p++) {
      var swapped = folded.slice(0, p).concat([folded[p + 1], folded[p]], folded.slice(p + 2)).join("");
      if (this.kanaFolded.has(swapped)) return this.kanaFolded.get(swapped);
    }
    if (this.kanaMissing.has(joined)) return this.kanaMissing.get(joined);
    if (!whole) return null; /* デザイン is no ザイン → サイン */
    var plain = voiceless(joined);
    return this.kanaVoiceless.has(plain) ? this.kanaVoiceless.get(plain) : null;
  };

  /* query.py _segment: no word begins or ends inside a katakana stretch (runs) */
  Analyzer.prototype.segment = function (chars, runs) {
    var self = this;
    var n = chars.length;
    var classes = chars.map(charClass);
    var runAt = new Array(n).fill(-1);
    runs.forEach(function (run, number) {
      for (var k = run[0]; k < Math.min(run[1], n); k++) runAt[k] = number;
    });
    var cuts = function (at) {
      return at > 0 && at < n && runAt[at - 1] === runAt[at] && runAt[at] >= 0;
    };
    var inCompound = function (i, j) {
      return (i > 0 && isKanjiChar(chars[i - 1])) || (j < n && isKanjiChar(chars[j]));
    };
    var fits = function (i, j) {
      if (!cuts(i) && !cuts(j)) return true;
      var inside = runAt[i] === runAt[j - 1] && runAt[i] >= 0;
      return inside && j - i >= 2 && !self.stop.has(chars.slice(i, j).join(""));
    };
    var best = new Array(n + 1);
    var step = new Array(n + 1);
    best[n] = [0, 0, 0];
    step[n] = ["end", n, ""];
    for (var i = n - 1; i >= 0; i--) {
      if (classes[i] === SEP) {
        best[i] = best[i + 1];
        step[i] = ["sep", i + 1, ""];
        continue;
      }
      var options = [];
      var length, j;
      if (!(i > 0 && classes[i] === ALNUM && classes[i - 1] === ALNUM)) {
        for (length = Math.min(this.maxLen, n - i); length > 0; length--) {
          j = i + length;
          if (j < n && classes[j] === ALNUM && classes[j - 1] === ALNUM) continue;
          var piece = chars.slice(i, j).join("");
          if (this.stemKanji.has(piece) && inCompound(i, j)) continue; /* 区長 is no 区 + 長い */
          if (this.keys.has(piece) && fits(i, j)) options.push([addCost(best[j], KEY), ["key", j, piece]]);
        }
        for (length = Math.min(this.maxLen, n - i); length > 1; length--) {
          j = i + length;
          var allJa = true;
          for (var x = i; x < j; x++) if (classes[x] !== JA) allJa = false;
          if (!allJa || !fits(i, j)) continue;
          var key = this.typoKey(chars.slice(i, j), !cuts(i) && !cuts(j));
          if (key !== null) {
            var typed = chars.slice(i, j), meant = Array.from(key);
            var slip = conversionSlip(typed, meant) ? CONVERSION : mixedSpelling(typed, meant) ? MIXED : TYPO;
            options.push([addCost(best[j], slip), ["typo", j, key]]);
          }
        }
      }
      options.push([addCost(best[i + 1], UNKNOWN), ["unknown", i + 1, chars[i]]]);
      best[i] = options[0][0];
      step[i] = options[0][1];
      for (var o = 1; o < options.length; o++) {
        if (less(options[o][0], best[i])) {
          best[i] = options[o][0];
          step[i] = options[o][1];
        }
      }
    }
    var segments = [];
    var run = "", runClass = SEP;
    i = 0;
    while (i < n) {
      var kind = step[i][0], next = step[i][1], value = step[i][2];
      if (kind === "unknown" && classes[i] === runClass) {
        run += value;
      } else {
        if (run) segments.push([runClass === ALNUM ? "alnum" : "ja", run]);
        run = "";
        runClass = SEP;
        if (kind === "unknown") {
          run = value;
          runClass = classes[i];
        } else if (kind === "key" || kind === "typo") {
          segments.push([kind, value]);
        }
      }
      i = next;
    }
    if (run) segments.push([runClass === ALNUM ? "alnum" : "ja", run]);
    return segments;
  };

  Analyzer.prototype.segmentClauses = function (segment, dropStop, out) {
    var kind = segment[0], value = segment[1];
    var t, k;
    if (kind === "key" || kind === "typo") {
      var terms = this.keys.get(value);
      if (dropStop && this.isStop(value, terms)) return;
      var chars = Array.from(value);
      if (chars.length === 1 && charClass(value) === JA && !inRanges(value.codePointAt(0), KANJI_RANGES)) {
        return;
      }
      if (!terms.length && this.stop.has(value)) {
        // a stop word kept because nothing else was typed
        var stopGrams = bigrams(value);
        for (t = 0; t < stopGrams.length; t++) out.add(stopGrams[t], "ngram");
        return;
      }
      for (t = 0; t < terms.length; t++) {
        out.add(terms[t], kind === "key" ? "word" : "typo");
        var others = this.synonyms.get(terms[t]) || [];
        for (k = 0; k < others.length; k++) {
          out.add(others[k][0], kind === "key" ? others[k][1] : "typo");
        }
      }
    } else if (kind === "ja") {
      var grams = bigrams(value);
      for (t = 0; t < grams.length; t++) out.add(grams[t], "ngram");
    } else {
      out.add(value, "word");
      var romaji = this.romajiSegments(value);
      /* typed with the IME off: rokku is the word ろっく (query.py) */
      for (k = 0; k < romaji.length; k++) this.segmentClauses(romaji[k], dropStop, out);
      if (romaji.length) return;
      if (cpLength(value) >= 3) {
        var close = cpLength(value) >= 4 ? nearLatinWord : acronymSlip;
        var near = this.asciiKeys.filter(function (key) { return close(value, key); });
        near = near.slice(0, this.limits.typoKeys);
        for (k = 0; k < near.length; k++) {
          var nearTerms = this.keys.get(near[k]);
          for (t = 0; t < nearTerms.length; t++) {
            out.add(nearTerms[t], "typo");
            var nearOthers = this.synonyms.get(nearTerms[t]) || [];
            for (var o = 0; o < nearOthers.length; o++) out.add(nearOthers[o][0], "typo");
          }
        }
      }
    }
  };

  function createAnalyzer(analysis) {
    return new Analyzer(analysis);
  }

  // Run a typed query on a loaded lunr.js index; returns lunr's results.
  function search(index, analyzer, text, lunr) {
    var clauses = analyzer.analyze(text);
    if (!clauses.length) return [];
    return index.query(function (query) {
      clauses.forEach(function (clause) {
        query.term(clause.term, {
          fields: analyzer.fields[clause.kind],
          boost: clause.boost,
          usePipeline: false,
          wildcard: lunr.Query.wildcard.NONE,
        });
      });
    });
  }

  return {
    normalize: normalize,
    katakanaRuns: katakanaRuns,
    romajiKana: romajiKana,
    spelledLettersOf: spelledLettersOf,
    charClass: charClass,
    bigrams: bigrams,
    createAnalyzer: createAnalyzer,
    search: search,
    oneEditApart: oneEditApart,
  };
});
