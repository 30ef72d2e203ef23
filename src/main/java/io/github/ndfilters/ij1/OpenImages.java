package io.github.ndfilters.ij1;

import ij.ImagePlus;
import ij.WindowManager;

/**
 * Finds open images by exact title, including the hidden images of a
 * batch-mode macro.
 */
final class OpenImages
{
	private OpenImages()
	{}

	/** @return the first open image with exactly this title, or {@code null} */
	static ImagePlus withTitle( final String title )
	{
		final int[] ids = WindowManager.getIDList();
		if ( ids == null || title == null )
			return null;
		for ( final int id : ids )
		{
			final ImagePlus image = WindowManager.getImage( id );
			if ( image != null && title.equals( image.getTitle() ) )
				return image;
		}
		return null;
	}
}
