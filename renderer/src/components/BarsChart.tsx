import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber } from '../format';

export type Datum = { key: string; label: string; value: number };

type Props = { title: string; data: Datum[]; layout?: 'vertical' | 'horizontal'; height?: number; tone?: string };

/** A bar chart with a text summary for screen readers (the bars themselves are decoration to them). */
export function BarsChart({ title, data, layout = 'horizontal', height = 220, tone = 'accent' }: Props) {
  const summary = data.map((d) => `${d.label}: ${formatNumber(d.value)}`).join(', ');
  const vertical = layout === 'vertical';
  return (
    <figure className={`chart chart-${tone}`}>
      <figcaption>{title}</figcaption>
      <div className="chart-body" role="img" aria-label={`${title}. ${summary}`}>
        <ResponsiveContainer width="100%" height={height}>
          <BarChart
            data={data}
            layout={vertical ? 'vertical' : 'horizontal'}
            margin={{ top: 4, right: 12, bottom: 4, left: 4 }}
            accessibilityLayer={false}
          >
            <CartesianGrid
              strokeDasharray="2 4"
              vertical={!vertical}
              horizontal={vertical ? false : true}
              className="chart-grid"
            />
            {vertical ? (
              <>
                <XAxis type="number" allowDecimals={false} tickFormatter={formatNumber} className="chart-axis" />
                <YAxis type="category" dataKey="label" width={130} className="chart-axis" interval={0} />
              </>
            ) : (
              <>
                <XAxis dataKey="label" className="chart-axis" interval="preserveStartEnd" />
                <YAxis allowDecimals={false} tickFormatter={formatNumber} width={40} className="chart-axis" />
              </>
            )}
            <Tooltip
              cursor={{ className: 'chart-cursor' }}
              formatter={(v) => formatNumber(Number(v))}
              wrapperClassName="chart-tooltip"
            />
            <Bar
              dataKey="value"
              className="chart-bar"
              isAnimationActive={false}
              radius={vertical ? [0, 3, 3, 0] : [3, 3, 0, 0]}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
