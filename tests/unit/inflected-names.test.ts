/**
 * Names declined by case in Russian, Ukrainian and Polish, in our own
 * sentences: each form finds the dataset person and reports their canonical
 * name; words that only look like a case of a name find no one.
 */
import { describe, expect, it } from 'vitest';
import { createContext } from '../../src/core/analysis/context.ts';
import type { Analysis } from '../../src/core/analysis/types.ts';
import { bundledDataset } from '../../src/core/dataset/bundled.ts';
import { tokenize } from '../../src/core/text/tokens.ts';
import { analyseText, paragraphs, speakers } from '../helpers/analyse.ts';

/** The text of each mention of the dataset person `id`, in order. */
function mentionsOf(a: Analysis, id: string): string[] {
  const o = a.officials.find((x) => x.id === id);
  return (o?.mentions ?? []).map((m) => a.text.slice(m.start, m.end));
}

describe('Russian', () => {
  it('genitive after “по словам”: the speaker is the dataset person, by canonical name', () => {
    const a = analyseText('По словам Дмитрия Пескова, «встреча пока не назначена».');
    expect(speakers(a)).toEqual([['встреча пока не назначена', 'Dmitry Peskov']]);
    expect(a.quotes[0]?.speaker?.id).toBe('dmitry-peskov');
  });

  it('a surname alone in the genitive after a full mention', () => {
    const a = analyseText('Дмитрий Песков провёл брифинг.\n\nПо словам Пескова, «график визита уточняется».');
    expect(speakers(a)).toEqual([['график визита уточняется', 'Dmitry Peskov']]);
  });

  it('a man’s name in every case: genitive, dative, accusative, instrumental, prepositional', () => {
    const a = analyseText(
      [
        'Звонка от Сергея Лаврова ждали весь день.',
        'Письмо передали Сергею Лаврову утром.',
        'Репортёры увидели Сергея Лаврова у входа.',
        'Переговоры с Сергеем Лавровым затянулись.',
        'В газете писали о Сергее Лаврове.',
        'Позже Лаврову задали ещё один вопрос.',
      ].join('\n\n'),
    );
    expect(mentionsOf(a, 'sergei-lavrov')).toEqual([
      'Сергея Лаврова',
      'Сергею Лаврову',
      'Сергея Лаврова',
      'Сергеем Лавровым',
      'Сергее Лаврове',
      'Лаврову',
    ]);
  });

  it('a woman’s name in every case, and her surname alone', () => {
    const a = analyseText(
      [
        'Брифинг Марии Захаровой начался с опозданием.',
        'Вопросы направили Марии Захаровой заранее.',
        'Журналисты ждали Марию Захарову у дверей.',
        'Интервью с Марией Захаровой вышло вечером.',
        'Споры о Марии Захаровой не утихали.',
        'По словам Захаровой, «ответ будет дан позже».',
      ].join('\n\n'),
    );
    expect(mentionsOf(a, 'maria-zakharova')).toEqual([
      'Марии Захаровой',
      'Марии Захаровой',
      'Марию Захарову',
      'Марией Захаровой',
      'Марии Захаровой',
      'Захаровой',
    ]);
    expect(speakers(a)).toEqual([['ответ будет дан позже', 'Maria Zakharova']]);
  });

  it('a declined first name before a surname that does not decline (Каи Каллас)', () => {
    const a = analyseText(
      ['Приглашение Каи Каллас пришло в пятницу.', 'Слово дали Кае Каллас.', 'Все ждали Каю Каллас.', 'Ужин с Каей Каллас отменили.'].join(
        '\n\n',
      ),
    );
    expect(mentionsOf(a, 'kaja-kallas')).toEqual(['Каи Каллас', 'Кае Каллас', 'Каю Каллас', 'Каей Каллас']);
  });

  it('a surname that declines as an adjective (Зеленский)', () => {
    const a = analyseText(
      [
        'Владимир Зеленский прибыл в Вильнюс.',
        'Охрана Зеленского перекрыла улицу.',
        'Хозяева вручили Зеленскому награду.',
        'Обед с Зеленским прошёл спокойно.',
        'Газеты писали о Зеленском всю неделю.',
      ].join('\n\n'),
    );
    expect(mentionsOf(a, 'volodymyr-zelensky')).toEqual(['Владимир Зеленский', 'Зеленского', 'Зеленскому', 'Зеленским', 'Зеленском']);
  });

  it('an organisation in the genitive before a name is not part of the name', () => {
    const a = analyseText(
      [
        'По словам пресс-секретаря Кремля Дмитрия Пескова, «визит готовится».',
        'По словам пресс-секретаря Кремля Ивана Примерова, «ответа пока нет».',
      ].join('\n\n'),
    );
    expect(speakers(a)).toEqual([
      ['визит готовится', 'Dmitry Peskov'],
      ['ответа пока нет', 'Ивана Примерова'],
    ]);
  });
});

describe('Ukrainian', () => {
  it('genitive after “за словами”', () => {
    const a = analyseText('За словами Андрія Єрмака, «делегація вже в дорозі».');
    expect(speakers(a)).toEqual([['делегація вже в дорозі', 'Andriy Yermak']]);
  });

  it('a man’s name in every case', () => {
    const a = analyseText(
      [
        'Лист від Андрія Єрмака надійшов учора.',
        'Запрошення надіслали Андрієві Єрмаку.',
        'Охорона зустріла Андрія Єрмака біля входу.',
        'Розмова з Андрієм Єрмаком тривала годину.',
        'Про це йшлося на зустрічі при Андрієві Єрмакові.',
        'Пізніше Єрмакові поставили ще одне питання.',
      ].join('\n\n'),
    );
    expect(mentionsOf(a, 'andriy-yermak')).toEqual([
      'Андрія Єрмака',
      'Андрієві Єрмаку',
      'Андрія Єрмака',
      'Андрієм Єрмаком',
      'Андрієві Єрмакові',
      'Єрмакові',
    ]);
  });

  it('a woman’s name in every case', () => {
    const a = analyseText(
      [
        'Заява Марії Захарової з’явилася вранці.',
        'Питання поставили Марії Захаровій.',
        'Журналісти чекали Марію Захарову.',
        'Суперечка з Марією Захаровою триває.',
      ].join('\n\n'),
    );
    expect(mentionsOf(a, 'maria-zakharova')).toEqual(['Марії Захарової', 'Марії Захаровій', 'Марію Захарову', 'Марією Захаровою']);
  });

  it('a surname that declines as an adjective (Зеленський)', () => {
    const a = analyseText(
      [
        'Помічники Володимира Зеленського прибули першими.',
        'Подарунок вручили Володимиру Зеленському.',
        'Вечеря з Зеленським завершилася пізно.',
      ].join('\n\n'),
    );
    expect(mentionsOf(a, 'volodymyr-zelensky')).toEqual(['Володимира Зеленського', 'Володимиру Зеленському', 'Зеленським']);
  });
});

describe('Polish', () => {
  it('genitive after “według”', () => {
    const a = analyseText('Według Dmitrija Pieskowa „termin wizyty nie jest jeszcze znany”.');
    expect(speakers(a)).toEqual([['termin wizyty nie jest jeszcze znany', 'Dmitry Peskov']]);
  });

  it('a man’s name in every case, with the consonant change before -e', () => {
    const a = analyseText(
      [
        'Depesza od Siergieja Ławrowa przyszła rano.',
        'Pytania przekazano Siergiejowi Ławrowowi wcześniej.',
        'Reporterzy widzieli Siergieja Ławrowa przy wejściu.',
        'Rozmowa z Siergiejem Ławrowem się przeciągnęła.',
        'Gazety pisały o Siergieju Ławrowie przez tydzień.',
        'Dużo mówiono też o Władimirze Putinie i Andrzeju Dudzie.',
      ].join('\n\n'),
    );
    expect(mentionsOf(a, 'sergei-lavrov')).toEqual([
      'Siergieja Ławrowa',
      'Siergiejowi Ławrowowi',
      'Siergieja Ławrowa',
      'Siergiejem Ławrowem',
      'Siergieju Ławrowie',
    ]);
    expect(mentionsOf(a, 'vladimir-putin')).toEqual(['Władimirze Putinie']);
    expect(mentionsOf(a, 'andrzej-duda')).toEqual(['Andrzeju Dudzie']);
  });

  it('a surname alone: Putina, Putinowi, Putinem, and the adjectival Zełenskiego, Zełenskiemu, Zełenskim', () => {
    const a = analyseText(
      [
        'Kanclerz nie chce rozmawiać z Putinem, a sankcje wobec Putina zostały przedłużone.',
        'Nikt nie wysłał Putinowi zaproszenia.',
        'Prezydent zadzwonił do Zełenskiego, potem przekazał Zełenskiemu list i długo rozmawiał z Zełenskim.',
      ].join('\n\n'),
    );
    expect(mentionsOf(a, 'vladimir-putin')).toEqual(['Putinem', 'Putina', 'Putinowi']);
    expect(mentionsOf(a, 'volodymyr-zelensky')).toEqual(['Zełenskiego', 'Zełenskiemu', 'Zełenskim']);
  });

  it('a woman’s name in every case (Kaja Kallas, Maria Zacharowa)', () => {
    const a = analyseText(
      [
        'Wizyta Kai Kallas się opóźniła.',
        'Dziennikarze zapytali Kaję Kallas o sankcje.',
        'Rozmowa z Kają Kallas była krótka.',
        'Wiadomość przekazano Marii Zacharowej, a potem rozmawiano z Marią Zacharową.',
      ].join('\n\n'),
    );
    expect(mentionsOf(a, 'kaja-kallas')).toEqual(['Kai Kallas', 'Kaję Kallas', 'Kają Kallas']);
    expect(mentionsOf(a, 'maria-zakharova')).toEqual(['Marii Zacharowej', 'Marią Zacharową']);
  });

  it('both halves of a double surname', () => {
    const a = analyseText('Premier rozmawiał z Władysławem Kosiniakiem-Kamyszem. Według Władysława Kosiniaka-Kamysza „armia jest gotowa”.');
    expect(speakers(a)).toEqual([['armia jest gotowa', 'Władysław Kosiniak-Kamysz']]);
    expect(mentionsOf(a, 'wladyslaw-kosiniak-kamysz')).toEqual(['Władysławem Kosiniakiem-Kamyszem', 'Władysława Kosiniaka-Kamysza']);
  });
});

describe('which text is Polish', () => {
  const latinInflects = (text: string) => createContext(text, paragraphs(text), bundledDataset(), '2025-06-25').latinInflects;

  it('Polish prose is, from one sentence on; English and German prose are not', () => {
    expect(latinInflects('Ambasador spotkał się z ministrem, ale rozmowa trwała krótko.')).toBe(true);
    expect(latinInflects('The ambassador met the minister, but the talks were short.')).toBe(false);
    // German "sie" folds to what Polish "się" folds to: only the written form counts.
    expect(latinInflects('Die Botschafterin sagte, sie habe den Minister getroffen.')).toBe(false);
  });

  it('one Polish sentence quoted in a long English article does not make it Polish', () => {
    const english = Array.from({ length: 30 }, () => 'The ambassador met the minister, and the talks went on late into the night.').join(
      ' ',
    );
    expect(latinInflects(`${english} He wrote: “Spotkanie się odbyło, ale decyzji jeszcze nie ma.”`)).toBe(false);
  });
});

describe('words that only look like a case of a name', () => {
  it('a common noun, in lower case or opening a sentence, is no one until the person is named in full', () => {
    const a = analyseText(
      [
        'Путина в этом году началась поздно, рыбаки ждали путину с весны.',
        'Мира не будет без переговоров.',
        'Позже о встрече с Владимиром Путиным рассказали в Кремле.',
      ].join('\n\n'),
    );
    expect(mentionsOf(a, 'vladimir-putin')).toEqual(['Владимиром Путиным']);
    expect(a.officials.map((o) => o.id)).toEqual(['vladimir-putin']);
  });

  it('a Polish noun opening a sentence is not a person who shares its stem', () => {
    const a = analyseText(
      [
        'Ramię w ramię z sojusznikami żołnierze przeszli przez most.',
        'Dudy grały na weselu do rana.',
        'Potem premier Albanii spotkał się z Edim Ramą.',
      ].join('\n\n'),
    );
    expect(a.officials.map((o) => o.id)).toEqual(['edi-rama']);
    expect(mentionsOf(a, 'edi-rama')).toEqual(['Edim Ramą']);
  });

  it('a word that declines otherwise than the name is not its case: Пенсия is not Пенс, nor Pompa Pompeo', () => {
    const data = bundledDataset();
    const at = (text: string, latin: boolean) => data.surnameAt(tokenize(text), 0, latin)?.values ?? [];
    expect(at('Пенсия', false)).toEqual([]);
    expect(at('Pompa', true)).toEqual([]);
    expect(at('Пенса', false)).toEqual(['mike-pence']);
  });

  it('a dictionary form shorter than four letters needs the exact form when it stands alone', () => {
    const data = bundledDataset();
    const at = (text: string) => data.surnameAt(tokenize(text), 0, false)?.values ?? [];
    expect(at('Кука')).toEqual([]);
    // Two Cooks are in the dataset (Peter Cook and Robin Cook): what matters is that the exact form matches.
    expect(at('Кук')).toEqual(expect.arrayContaining(['peter-cook']));
    expect(at('Туска')).toEqual(['donald-tusk']);
  });

  it('Latin-script names decline only in Polish text; English text matches them exactly, as before', () => {
    const english = analyseText('Reporters waited for Donalda Tuska and Putinem outside the hall, but Donald Tusk did not come.');
    expect(mentionsOf(english, 'donald-tusk')).toEqual(['Donald Tusk']);
    expect(english.officials.map((o) => o.id)).toEqual(['donald-tusk']);
    const polish = analyseText('Reporterzy czekali na Donalda Tuska przed salą, ale się nie pojawił.');
    expect(mentionsOf(polish, 'donald-tusk')).toEqual(['Donalda Tuska']);
  });
});
