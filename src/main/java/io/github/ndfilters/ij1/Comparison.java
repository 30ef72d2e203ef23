package io.github.ndfilters.ij1;

import ij.ImagePlus;

/**
 * The outcome of {@link ResidualComparison#compare}: the residual image
 * (correlation minus convolution) and figures that sum it up.
 * <p>
 * Pixels where both results are NaN count as equal; a pixel where only one is
 * NaN counts as differing but adds nothing to the maximum, mean and RMS, which
 * are taken over the residuals that are numbers.
 * </p>
 */
public final class Comparison
{
	private final ImagePlus residual;

	private final double maxAbsoluteDifference;

	private final double meanAbsoluteDifference;

	private final double rms;

	private final long differingPixels;

	private final long pixels;

	Comparison( final ImagePlus residual, final double maxAbsoluteDifference,
			final double meanAbsoluteDifference, final double rms, final long differingPixels,
			final long pixels )
	{
		this.residual = residual;
		this.maxAbsoluteDifference = maxAbsoluteDifference;
		this.meanAbsoluteDifference = meanAbsoluteDifference;
		this.rms = rms;
		this.differingPixels = differingPixels;
		this.pixels = pixels;
	}

	/** @return correlation minus convolution, 32-bit, not shown */
	public ImagePlus residual()
	{
		return residual;
	}

	/** @return the largest |correlation - convolution| */
	public double maxAbsoluteDifference()
	{
		return maxAbsoluteDifference;
	}

	/** @return the mean of |correlation - convolution| */
	public double meanAbsoluteDifference()
	{
		return meanAbsoluteDifference;
	}

	/** @return the root of the mean squared difference */
	public double rms()
	{
		return rms;
	}

	/** @return how many pixels (over all channels) differ */
	public long differingPixels()
	{
		return differingPixels;
	}

	/** @return how many pixels (over all channels) were compared */
	public long pixels()
	{
		return pixels;
	}

	/** @return {@code true} if correlation and convolution agree at every pixel */
	public boolean isIdentical()
	{
		return differingPixels == 0;
	}

	@Override
	public String toString()
	{
		return "max |difference| " + maxAbsoluteDifference + ", mean |difference| "
				+ meanAbsoluteDifference + ", RMS " + rms + ", differing pixels "
				+ differingPixels + " of " + pixels;
	}
}
