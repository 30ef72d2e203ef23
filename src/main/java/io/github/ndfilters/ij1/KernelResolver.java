package io.github.ndfilters.ij1;

import java.util.regex.Pattern;

import ij.ImagePlus;
import ij.WindowManager;
import io.github.ndfilters.core.Kernel;
import io.github.ndfilters.kernel.KernelPresets;
import io.github.ndfilters.kernel.KernelText;

/**
 * Reads the {@code kernel} field of the commands, which may be the title of an
 * open image, a preset or kernel text, tried in that order:
 * <ol>
 * <li>the exact title of an open image (so an image called {@code box 3}
 * wins over the preset), read by {@link ImagePlusKernels#fromImage};</li>
 * <li>a preset of {@link KernelPresets}, such as {@code gaussian 2};</li>
 * <li>kernel text for {@link KernelText#parse}, such as
 * {@code "1 2 1\n2 4 2\n1 2 1"}.</li>
 * </ol>
 *
 * <p>
 * A form may also offer the open images in a list beside the field
 * ({@link #kernelImageChoices}); {@link #resolve(String, String)} then takes
 * the picked image, and the text only while {@link #USE_KERNEL_TEXT} is picked.
 * </p>
 *
 * <pre>
 * Kernel k = KernelResolver.resolve( "sobel-x" );
 * Kernel psf = KernelResolver.resolve( "", "psf.tif" );
 * </pre>
 */
public final class KernelResolver
{
	/** A field that counts as a number when telling names from kernel text. */
	private static final Pattern NUMBER = Pattern.compile(
			"[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|[+-]?(nan|inf|infinity)",
			Pattern.CASE_INSENSITIVE );

	/** The first entry of the kernel image list: no image, read the kernel field. */
	public static final String USE_KERNEL_TEXT = "(use the kernel text)";

	private KernelResolver()
	{}

	/** @return {@link #USE_KERNEL_TEXT}, then the titles of the open images */
	public static String[] kernelImageChoices()
	{
		final String[] titles = WindowManager.getImageTitles();
		final String[] choices = new String[ titles.length + 1 ];
		choices[ 0 ] = USE_KERNEL_TEXT;
		System.arraycopy( titles, 0, choices, 1, titles.length );
		return choices;
	}

	/**
	 * @param kernelField
	 *            the title of an open image, a preset, or kernel text; read
	 *            only when no kernel image is picked
	 * @param kernelImage
	 *            the title of the open image to use as the kernel, or
	 *            {@code null}, empty or {@link #USE_KERNEL_TEXT} for none
	 * @return the kernel they name
	 * @throws IllegalArgumentException
	 *             if the picked image is no longer open, or the kernel cannot
	 *             be read
	 */
	public static Kernel resolve( final String kernelField, final String kernelImage )
	{
		if ( !picksAnImage( kernelImage ) )
			return resolve( kernelField );
		final ImagePlus image = OpenImages.withTitle( kernelImage );
		// NB: no fallback to presets or text, so a closed image called "box 3" is not a box.
		if ( image == null )
			throw new IllegalArgumentException( "The kernel image '" + kernelImage + "' is not"
					+ " open. Open it again, pick an open image as the kernel image, or pick "
					+ USE_KERNEL_TEXT + " to use the kernel field." );
		return ImagePlusKernels.fromImage( image );
	}

	/** @return whether a kernel image list value names an image */
	public static boolean picksAnImage( final String kernelImage )
	{
		return kernelImage != null && !kernelImage.isEmpty()
				&& !USE_KERNEL_TEXT.equals( kernelImage );
	}

	/**
	 * @param kernelField
	 *            the title of an open image, a preset, or kernel text
	 * @return the kernel it names
	 * @throws IllegalArgumentException
	 *             saying what is wrong and what the field accepts
	 */
	public static Kernel resolve( final String kernelField )
	{
		if ( kernelField == null || kernelField.trim().isEmpty() )
			throw new IllegalArgumentException( "No kernel was given. Type its numbers (one line"
					+ " per row, a blank line between z planes), a preset such as "
					+ KernelPresets.summary() + ", or the title of an open image." );
		final ImagePlus image = OpenImages.withTitle( kernelField );
		if ( image != null )
			return ImagePlusKernels.fromImage( image );
		final Kernel preset = KernelPresets.find( kernelField ).orElse( null );
		if ( preset != null )
			return preset;
		try
		{
			return KernelText.parse( kernelField );
		}
		catch ( final IllegalArgumentException e )
		{
			if ( !looksLikeAName( kernelField ) )
				throw e;
			throw new IllegalArgumentException( "The kernel '" + kernelField.trim()
					+ "' is not the title of an open image, nor a preset (" + KernelPresets
							.summary() + "), nor numbers. Open the kernel image first, or check"
					+ " the spelling (titles are case-sensitive).", e );
		}
	}

	/**
	 * @return whether the text is one line with more words than numbers, so
	 *         that it was more likely meant as a title or preset than as rows
	 *         of numbers with a typing error
	 */
	static boolean looksLikeAName( final String text )
	{
		final String line = text.strip();
		if ( line.indexOf( '\n' ) >= 0 || line.indexOf( '\r' ) >= 0 )
			return false;
		int numbers = 0;
		int words = 0;
		for ( final String field : line.split( "[\\s,]+" ) )
			if ( NUMBER.matcher( field ).matches() )
				numbers++;
			else
				words++;
		return words > numbers;
	}
}
