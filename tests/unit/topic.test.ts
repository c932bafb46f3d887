/**
 * Topic verdicts on short articles we wrote for the purpose, in the
 * languages Sourcelight reads, plus the classic confusions: Russian sport
 * and Russian space flight are not security news.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analysis/analyze.ts';
import { textToBlocks } from '../../src/core/analysis/plaintext.ts';
import { bundledDataset } from '../../src/core/dataset/bundled.ts';
import { paragraphs, TODAY } from '../helpers/analyse.ts';

function verdict(title: string, body: string): string {
  const text = `${title}\n\n${body}`;
  const blocks = paragraphs(text).map((b, i) => (i === 0 ? { ...b, kind: 'title' as const } : b));
  return analyze(
    {
      text,
      blocks,
      meta: { ogType: 'article', hasArticleElement: true, dates: [{ value: '2025-06-25', source: 'meta' }] },
      date: '2025-06-25',
      today: TODAY,
    },
    bundledDataset(),
  ).verdict;
}

const SECURITY: Record<string, [string, string]> = {
  en: [
    'NATO allies agree to reinforce eastern flank as Russia masses troops',
    'NATO defence ministers agreed on Thursday to send additional battalions to Estonia and Latvia after Russia moved troops and missile systems closer to the border.\n\nThe alliance said the deployment was defensive. Russian Foreign Minister Sergei Lavrov called it a provocation and warned of a military response.\n\nOfficials in Brussels said air policing over the Baltic states would be doubled, and that sanctions against Moscow would stay in place while the war in Ukraine continues.',
  ],
  de: [
    'NATO verstärkt Ostflanke – Russland verlegt Truppen an die Grenze',
    'Die NATO-Verteidigungsminister haben beschlossen, weitere Soldaten nach Litauen zu schicken, nachdem Russland Truppen und Raketen an die Grenze verlegt hat.\n\nDas Bündnis betonte, die Verlegung diene der Abschreckung. Der russische Außenminister Sergej Lawrow sprach von einer Provokation und drohte mit militärischen Gegenmaßnahmen.\n\nDie Sanktionen gegen Moskau bleiben bestehen, solange der Krieg gegen die Ukraine andauert, hieß es in Brüssel.',
  ],
  fr: [
    "L'OTAN renforce son flanc oriental face aux troupes russes",
    "Les ministres de la Défense de l'OTAN ont décidé d'envoyer des soldats supplémentaires en Estonie, après le déploiement de troupes et de missiles russes près de la frontière.\n\nL'Alliance affirme que ce déploiement est défensif. Le ministre russe des Affaires étrangères, Sergueï Lavrov, a dénoncé une provocation et menacé d'une riposte militaire.\n\nLes sanctions contre la Russie resteront en place tant que la guerre en Ukraine se poursuit.",
  ],
  es: [
    'La OTAN refuerza su flanco oriental ante el despliegue de tropas rusas',
    'Los ministros de Defensa de la OTAN acordaron enviar más soldados a Letonia después de que Rusia desplegara tropas y misiles cerca de la frontera.\n\nLa Alianza aseguró que el despliegue es defensivo. El ministro ruso de Exteriores, Serguéi Lavrov, habló de una provocación y amenazó con una respuesta militar.\n\nLas sanciones contra Rusia seguirán vigentes mientras continúe la guerra en Ucrania.',
  ],
  pl: [
    'NATO wzmacnia wschodnią flankę. Rosja przerzuca wojska do granicy',
    'Ministrowie obrony państw NATO zdecydowali o wysłaniu dodatkowych żołnierzy na Litwę po tym, jak Rosja przerzuciła wojska i rakiety w pobliże granicy.\n\nSojusz podkreślił, że rozmieszczenie ma charakter obronny. Szef rosyjskiej dyplomacji Siergiej Ławrow mówił o prowokacji i zagroził odpowiedzią wojskową.\n\nSankcje wobec Rosji pozostaną w mocy, dopóki trwa wojna w Ukrainie.',
  ],
  ru: [
    'НАТО усиливает восточный фланг, Россия стягивает войска к границе',
    'Министры обороны стран НАТО решили направить дополнительные войска в Эстонию после того, как Россия перебросила к границе войска и ракеты.\n\nВ альянсе заявили, что развертывание носит оборонительный характер. Министр иностранных дел России Сергей Лавров назвал его провокацией и пригрозил военным ответом.\n\nСанкции против России сохранятся, пока продолжается война на Украине.',
  ],
  uk: [
    'НАТО посилює східний фланг, Росія стягує війська до кордону',
    'Міністри оборони країн НАТО вирішили направити додаткові війська до Литви після того, як Росія перекинула до кордону війська та ракети.\n\nВ Альянсі заявили, що розгортання має оборонний характер. Міністр закордонних справ Росії Сергій Лавров назвав його провокацією.\n\nСанкції проти Росії залишаться в силі, доки триває війна в Україні.',
  ],
};

describe('topic verdicts', () => {
  it.each(Object.entries(SECURITY))('security news in %s is relevant', (_lang, [title, body]) => {
    expect(verdict(title, body)).toBe('relevant');
  });

  it('a short piece about Russian officials is relevant though it hardly names Russia', () => {
    expect(
      verdict(
        'Новый министр обороны приступил к работе',
        [
          'МОСКВА. Андрей Белоусов во вторник приступил к обязанностям министра обороны. Он сменил Сергея Шойгу, который стал секретарём Совбеза.',
          'Выступая перед сенаторами, Белоусов пообещал навести порядок в закупках. «Армия должна получать то, что ей нужно, вовремя и по разумной цене», — сказал он.',
          'Песков ранее объяснил выбор кандидатуры ростом расходов. «Управлять ими должен человек, умеющий считать деньги», — заявил Песков.',
          'Начальник Генштаба Валерий Герасимов сохранит свой пост. Военный эксперт Игорь Смолянинов считает назначение логичным.',
        ].join('\n\n'),
      ),
    ).toBe('relevant');
  });

  it('counts NATO and Russia inside compounds (NATO-Ostflanke, Russland-Sanktionen)', () => {
    expect(
      verdict(
        'Kanzler besucht Brigade an der NATO-Ostflanke',
        [
          'Der Kanzler hat die deutsche Brigade in Litauen besucht und ein Bekenntnis zur NATO-Ostflanke abgelegt.',
          'Die Soldaten sollen die Abschreckung gegenüber Russland stärken. Die Russland-Sanktionen bleiben nach seinen Worten in Kraft.',
          'Der NATO-Gipfel im Sommer soll über weitere Truppen und Waffen für die Verteidigung des Bündnisgebiets beraten.',
        ].join('\n\n'),
      ),
    ).toBe('relevant');
  });

  it('a Russian figure-skating story is not security news', () => {
    expect(
      verdict(
        'Russian skater wins gold in Milan',
        'The Russian figure skater won the women’s free skate on Saturday with a clean programme, her coach said.\n\nThe athlete, who trained in Moscow, beat the Japanese champion by four points. The crowd applauded the difficult jumps in the final minute.\n\nThe skating federation said she would compete again at the championship in March.',
      ),
    ).not.toBe('relevant');
  });

  it('a Russian rocket launch is not security news', () => {
    expect(
      verdict(
        'Russian cargo rocket lifts off for the space station',
        'A Russian Soyuz rocket carrying a cargo spacecraft lifted off from Baikonur on Tuesday, the space agency Roscosmos said.\n\nThe spaceship will dock with the International Space Station in two days, bringing food, fuel and equipment for the astronauts and cosmonauts on board.\n\nThe launch was the fourth this year from the cosmodrome in Kazakhstan.',
      ),
    ).not.toBe('relevant');
  });

  it('a story with no NATO or Russia in it is unrelated', () => {
    expect(
      verdict(
        'City council approves new bike lanes',
        'The council voted to build twelve kilometres of new bike lanes by next summer.\n\nResidents welcomed the plan.',
      ),
    ).toBe('unrelated');
  });

  it('a mention in passing is passing', () => {
    expect(
      verdict(
        'Wheat prices rise after poor harvest in Canada',
        'Wheat futures rose four percent on Monday after Canadian farmers reported a poor harvest.\n\nTraders said exports from Russia were steady and would not make up the shortfall.\n\nBakers expect bread prices to rise by autumn.',
      ),
    ).toBe('passing');
  });

  it('Ukraine named once in a piece about something else is no mention of the war', () => {
    expect(
      verdict(
        'The best cafés in Lviv',
        'Lviv likes to call itself the coffee capital of Ukraine.\n\nOn the market square, roasters open at seven and close long after midnight.\n\nA cup costs about a euro.',
      ),
    ).toBe('unrelated');
  });

  it('takes plain text with a headline over paragraphs for one article, and a short relevant one for relevant', () => {
    const text = [
      'НАТО посилює патрулі на Балтиці',
      'Альянс направить додаткові кораблі до Балтійського моря після пошкодження кабелю між Фінляндією та Естонією.',
      'Генсек НАТО Марк Рютте заявив, що Росія випробовує єдність союзників і що альянс відповість рішуче.',
      'У Кремлі звинувачення відкинули. Речник Дмитро Пєсков назвав їх безпідставними й провокаційними.',
    ].join('\n\n');
    const run = (t: string) => analyze({ text: t, blocks: textToBlocks(t), meta: {}, date: '2025-01-28', today: TODAY }, bundledDataset());
    expect([run(text).isArticle, run(text).verdict]).toEqual([true, 'relevant']);
    // The same paragraphs with no headline are not known to be one article.
    expect(run(text.split('\n\n').slice(1).join('\n\n')).isArticle).toBe(false);
  });

  it('counts a single dateline as a sign of an article, where the page gives no other', () => {
    const title = 'NATO ministers meet in Brussels';
    const dateline = 'BRUSSELS, 12.03.2024';
    const body = [
      'NATO defence ministers met in Brussels on Tuesday to discuss air defence for the eastern flank of the alliance.',
      'Officials said new systems would reach Poland and the Baltic states before winter, and that Russia was watching closely.',
      'The ministers also agreed to raise the number of troops on high readiness, according to a statement issued after the talks.',
    ];
    const text = [title, dateline, ...body].join('\n\n');
    const kinds = ['title', 'dateline', 'paragraph', 'paragraph', 'paragraph'] as const;
    const blocks = paragraphs(text).map((b, i) => ({ ...b, kind: kinds[i] ?? 'paragraph' }));
    const run = (bs: typeof blocks) =>
      analyze(
        // (A page, as the page layer reads it: it always gives the page's text length.)
        {
          text,
          blocks: bs,
          meta: { dates: [{ value: '2024-03-12', source: 'dateline' }], pageTextLength: text.length },
          date: '2024-03-12',
          today: TODAY,
        },
        bundledDataset(),
      );
    expect(run(blocks).isArticle).toBe(true);
    // The same page with the dateline read as prose is not enough.
    expect(run(blocks.map((b) => (b.kind === 'dateline' ? { ...b, kind: 'paragraph' as const } : b))).isArticle).toBe(false);
  });
});
