import { useMemo } from 'react';
import { useI18n, type Translate } from '../../i18n';
import { numberText, type IndicatorRecord, type ValueRecord } from '../model';

/** A value as people read it: "5.81%", a ratio "1129 / 1185（95.27%）", a count "3 起". */
export function valueText(t: Translate, indicator: IndicatorRecord, value: Pick<ValueRecord, 'value' | 'numerator' | 'denominator' | 'measured'>): string {
  const unit = indicator.unit ?? '';
  if (indicator.ratio) {
    const measured = value.measured === null ? t('indicators.value.zeroDenominator') : `${numberText(value.measured)}%`;
    return t('indicators.value.ratio', { numerator: numberText(value.numerator), denominator: numberText(value.denominator), measured });
  }
  return `${numberText(value.value)}${unit}`;
}

/** Who did it: the signed-in organizer is 您本人; others by their account (the API gives no names). */
export function whoText(t: Translate, userId: string, me: Me, name?: string | null): string {
  return userId === me.id ? t('indicators.who.me', { name: me.name }) : t('indicators.who.other', { name: name || userId });
}

/** The signed-in organizer. */
export interface Me {
  id: string;
  name: string;
}

/** Date and time in Beijing time, e.g. 12月5日 15:52. */
export function useWhen(): (iso: string) => string {
  const { lang } = useI18n();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(lang, { month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Shanghai' });
    return (iso: string) => format.format(new Date(iso));
  }, [lang]);
}
